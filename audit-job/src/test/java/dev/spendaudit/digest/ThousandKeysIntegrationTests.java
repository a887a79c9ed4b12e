package dev.spendaudit.digest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proxy with a thousand keys: the digest still lists 15 workloads and one "others" row, the chart stacks 5, and
 * the HTML stays well under the 102 KB at which Gmail clips a message.
 */
class ThousandKeysIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	@Test
	void aThousandWorkloadsStayReadable(@TempDir Path out) throws Exception {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("thousand")) {
			List<Call> calls = new ArrayList<>();
			for (int k = 0; k < 1_000; k++) {
				String key = KeyHash.of("sk-many-" + k);
				db.writer().key(key, "vk-many-" + k, "sk-..." + k);
				for (int d = 0; d < 2; d++) {
					calls.add(Call.of("many-" + k + "-" + d, key, "vk-many-" + k, "model-" + (k % 3), "openai",
							DAY.minusDays(d).atTime(10, 0), 0.001 * (k + 1), 100, 10));
				}
			}
			db.writer().spendLogs(calls);
			try (AuditApp app = AuditApp.start(db.endpoint(),
					Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC), Map.of())) {
				assertThat(app.run(DAY.minusDays(1), out).succeeded()).isTrue();
				DayResult day = app.run(DAY, out);
				assertThat(day.failure()).isNull();
			}
		}
		String html = Files.readString(out.resolve("digest-2026-11-26.html"));
		assertThat(html).contains("Others (985 workloads)").contains("15 of 1,000 workloads by name");
		assertThat(html.split("<strong><bdi>vk-many-", -1)).hasSize(16);
		assertThat(html).contains("vk-many-999").doesNotContain("vk-many-984<");
		assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(60_000);
		try (var files = Files.list(out)) {
			assertThat(files.filter(p -> p.getFileName().toString().startsWith("digest-2026-11-26-spark-")))
				.hasSize(5);
		}
	}

}
