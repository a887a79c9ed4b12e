package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.spendaudit.SpendAuditApplication;
import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.testsupport.DigestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo tells the same story at every hour: run at 00:05 or 23:55 UTC, it audits yesterday as
 * the 06:15 nightly run and finds the whole logging hole, 20:00 the day before to 02:00 yesterday. (Run on the
 * wall clock before 01:00 UTC, it used to lose yesterday's part: that UTC date had not settled yet.)
 */
class DemoClockIntegrationTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	static final LocalDate YESTERDAY = TODAY.minusDays(1);

	@Test
	void theDemoGivesTheSameDigestAtEveryHourOfTheDay(@TempDir Path out) {
		JsonNode first = null;
		for (String time : List.of("00:05", "23:55")) {
			Path dir = out.resolve(time.replace(":", ""));
			Clock wall = Clock.fixed(TODAY.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
			CliIntegrationTests.Result r = demo(wall, dir);
			assertThat(r.exit()).as(time + ": " + r.err()).isZero();
			assertThat(r.out()).contains("auditing 2026-12-01 as the nightly run at 06:15 UTC would");

			JsonNode digest = DigestJson.read(dir.resolve(DigestFiles.name(YESTERDAY, "json"))).root();
			JsonNode freshness = digest.get("freshness");
			JsonNode hours = freshness.get("uncaptured").get("silentHours");
			assertThat(hours).as(time).hasSize(1);
			assertThat(hours.get(0).get("from").asString()).as(time).isEqualTo("2026-11-30T20:00:00.000Z");
			assertThat(hours.get(0).get("to").asString()).as(time).isEqualTo("2026-12-01T02:00:00.000Z");
			assertThat(freshness.get("explanation").asString()).as(time).contains("on 2026-11-30, 2026-12-01 (UTC)");
			assertThat(freshness.get("checkedAt").asString()).as(time).isEqualTo("2026-12-02T06:15:00.000Z");
			// the demo database holds nothing LiteLLM could not have written by the run
			assertThat(freshness.get("newestRowAtRun").asString()).as(time)
				.isLessThanOrEqualTo(freshness.get("checkedAt").asString());
			if (first == null) {
				first = digest;
			}
			else {
				assertThat(digest).as(time + " against 00:05").isEqualTo(first);
			}
		}
	}

	private static CliIntegrationTests.Result demo(Clock wall, Path out) {
		CommandLine.IFactory factory = new CommandLine.IFactory() {

			@Override
			public <K> K create(Class<K> type) throws Exception {
				return type == DemoCommand.class ? type.cast(new DemoCommand(wall))
						: CommandLine.defaultFactory().create(type);
			}

		};
		StringWriter stdout = new StringWriter();
		StringWriter stderr = new StringWriter();
		CommandLine cli = SpendAuditCommand.commandLine(SpendAuditApplication.class, factory);
		cli.setOut(new PrintWriter(stdout, true));
		cli.setErr(new PrintWriter(stderr, true));
		int exit = cli.execute("demo", "--out", out.toString());
		return new CliIntegrationTests.Result(exit, stdout.toString(), stderr.toString());
	}

}
