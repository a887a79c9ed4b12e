package dev.spendaudit.doctor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresTargetTests {

	@Test
	void readsJdbcAndLibpqUrlsWithoutThePassword() {
		PostgresTarget jdbc = PostgresTarget.parse("jdbc:postgresql://127.0.0.1:5432/litellm?password=x");
		assertThat(jdbc).isEqualTo(new PostgresTarget("127.0.0.1", 5432, "litellm", "public"));
		PostgresTarget prisma = PostgresTarget.parse("postgresql://llm:p%40ss@localhost/litellm?schema=proxy");
		assertThat(prisma).isEqualTo(new PostgresTarget("localhost", 5432, "litellm", "proxy"));
		assertThat(PostgresTarget.parse("postgres://u:p@db.internal:6543/litellm").port()).isEqualTo(6543);
		assertThat(PostgresTarget.parse("jdbc:postgresql://a:5432,b:5432/litellm").host()).isEqualTo("a");
		assertThat(PostgresTarget.parse("mysql://x/y")).isNull();
		assertThat(PostgresTarget.parse(null)).isNull();
		assertThat(jdbc.toString()).isEqualTo("127.0.0.1:5432/litellm");
	}

	@Test
	void everyLoopbackNameIsOneHost() {
		PostgresTarget local = PostgresTarget.parse("postgresql://u:p@localhost:5432/litellm");
		assertThat(local.same(PostgresTarget.parse("jdbc:postgresql://127.0.0.1:5432/litellm"))).isTrue();
		assertThat(local.same(PostgresTarget.parse("jdbc:postgresql://127.0.0.1:5432/other"))).isFalse();
		assertThat(local.same(PostgresTarget.parse("jdbc:postgresql://db:5432/litellm"))).isFalse();
		assertThat(local.same(PostgresTarget.parse("jdbc:postgresql://127.0.0.1:5432/litellm?currentSchema=x")))
			.isFalse();
	}

}
