package dev.spendaudit.db;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.source.demo.LiteLlmWriter;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit against the PostgreSQL image LiteLLM deployments commonly run, where a Docker daemon answers. Skipped
 * (not failed) on machines without Docker, such as this project's CI; the embedded and system PostgreSQL paths
 * cover the same code there.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersPostgresIntegrationTests {

	@Container
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

	@Test
	void auditsADayOnAContainerisedPostgres(@TempDir Path out) {
		DatabaseEndpoints.Endpoint endpoint = new DatabaseEndpoints.Endpoint(postgres.getJdbcUrl(),
				postgres.getUsername(), postgres.getPassword());
		try (HikariDataSource ds = new HikariDataSource()) {
			ds.setJdbcUrl(endpoint.url());
			ds.setUsername(endpoint.username());
			ds.setPassword(endpoint.password());
			LiteLlmWriter writer = new LiteLlmWriter(ds);
			writer.applySchema();
			writer.key(KeyHash.of("sk-tc"), "vk-container", "sk-...r-tc");
			writer.spendLogs(List.of(Call.of("tc-1", KeyHash.of("sk-tc"), "vk-container", "gpt-4.1-mini", "openai",
					LocalDate.of(2026, 11, 26).atTime(9, 0), 0.75, 100, 10)));
		}
		Clock clock = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);
		try (AuditApp app = AuditApp.start(endpoint, clock, Map.of())) {
			DigestJson digest = DigestJson.read(app.run(LocalDate.of(2026, 11, 26), out).digestJson());
			assertThat(digest.workload("vk-container").get("usd").decimalValue()).isEqualByComparingTo("0.75");
		}
	}

}
