package dev.spendaudit.doctor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvFileTests {

	@Test
	void readsKeyValueLinesLikeSystemdAndDocker() {
		EnvFile env = EnvFile.parse("spend-audit.env", """
				# the database
				SPEND_AUDIT_SOURCE_URL=jdbc:postgresql://127.0.0.1:5432/litellm
				; a systemd comment
				SPEND_AUDIT_SOURCE_PASSWORD="quoted value"
				export SPRING_MAIL_HOST = smtp.example.org
				not a pair
				SPEND_AUDIT_SOURCE_URL=jdbc:postgresql://127.0.0.1:5433/litellm
				EMPTY=
				""");
		assertThat(env.asMap()).containsEntry("SPEND_AUDIT_SOURCE_PASSWORD", "quoted value")
			.containsEntry("SPRING_MAIL_HOST", "smtp.example.org")
			.containsEntry("EMPTY", "")
			// a later line wins, as systemd reads it
			.containsEntry("SPEND_AUDIT_SOURCE_URL", "jdbc:postgresql://127.0.0.1:5433/litellm")
			.hasSize(4);
		assertThat(env.lineOf("SPEND_AUDIT_SOURCE_URL")).isEqualTo(7);
		assertThat(env.lineOf("SPEND_AUDIT_SOURCE_PASSWORD")).isEqualTo(4);
		assertThat(env.lineOf("MISSING")).isZero();
	}

}
