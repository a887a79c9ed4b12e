package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.StatusSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} and {@code ack} from the real command line: the last audited days with their money, findings,
 * freshness, mail and run time; the open findings with the ids the JSON has; an acknowledged finding marked in the
 * JSON and the digest, no longer raising the day's status nor exit code 10, until the acknowledgement is removed.
 * Each test keeps its own store schema.
 */
class StatusAndAckIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static LiteLlmDatabase db;

	@TempDir
	Path dir;

	/** A quiet day, then a day a key overspends its budget on: an ALERT. */
	@BeforeAll
	static void aQuietDayThenAnAlert() {
		db = LiteLlmDatabase.create("statusack");
		String key = KeyHash.of("sk-status");
		String capped = KeyHash.of("sk-status-capped");
		db.writer().key(key, "vk-status", "sk-...atus");
		db.writer().key(capped, "vk-capped", "sk-...pped");
		List<Call> calls = new ArrayList<>();
		calls.add(Call.of("s0", key, "vk-status", "gpt-4.1-mini", "openai", DAY.minusDays(1).atTime(9, 0), 0.5, 1000,
				100));
		calls.add(Call.of("s1", key, "vk-status", "gpt-4.1-mini", "openai", DAY.atTime(9, 0), 1.5, 1000, 100));
		calls.add(Call.of("s2", capped, "vk-capped", "gpt-4.1-mini", "openai", DAY.atTime(10, 0), 12.0, 90_000, 9000));
		db.writer().spendLogs(calls);
		db.writer().budget(capped, 10, "30d", LocalDateTime.of(2027, 6, 1, 0, 0), 12);
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void statusShowsTheLastAuditedDaysNewestFirstAndTheOpenFindingsWithTheJsonsIds() throws Exception {
		Path config = config("status1", "");
		assertThat(run(config, DAY.minusDays(1)).exit()).isZero();
		assertThat(run(config, DAY).exit()).isZero();

		CliIntegrationTests.Result json = cli("status", "--format", "json", "--findings", "--config",
				config.toString());
		assertThat(json.exit()).as(json.err()).isZero();
		JsonNode status = JSON.readTree(json.out());
		assertThat(StatusSchema.violations(status)).isEmpty();
		JsonNode days = status.get("days");
		assertThat(days).hasSize(2);
		JsonNode newest = days.get(0);
		assertThat(newest.get("date").asString()).isEqualTo("2026-11-26");
		assertThat(newest.get("status").asString()).isEqualTo("ALERT");
		assertThat(newest.get("meteredUsd").decimalValue()).isEqualByComparingTo("13.5");
		assertThat(newest.get("totalUsd").decimalValue()).isEqualByComparingTo("13.5");
		assertThat(newest.get("findings").get("alert").asInt()).isPositive();
		assertThat(newest.get("findings").get("acknowledged").asInt()).isZero();
		assertThat(newest.get("freshness").asString()).isNotBlank();
		assertThat(newest.get("mail").asString()).as("no recipients").isEqualTo("NOT_SENT");
		assertThat(newest.get("mailedAt").isNull()).isTrue();
		assertThat(newest.get("durationSeconds").decimalValue()).isPositive();
		assertThat(days.get(1).get("date").asString()).isEqualTo("2026-11-25");
		assertThat(days.get(1).get("meteredUsd").decimalValue()).isEqualByComparingTo("0.5");

		JsonNode digest = DigestJson.read(dir.resolve("out/digest-2026-11-26.json")).root();
		List<String> digestIds = new ArrayList<>();
		digest.get("findings").forEach(f -> {
			if (!"RESOLVED".equals(f.get("details").get("state").get("state").asString())) {
				digestIds.add(f.get("id").asString());
			}
		});
		List<String> openIds = new ArrayList<>();
		status.get("openFindings").forEach(f -> openIds.add(f.get("id").asString()));
		assertThat(openIds).isNotEmpty().isEqualTo(digestIds);

		CliIntegrationTests.Result one = cli("status", "--days", "1", "--config", config.toString());
		assertThat(one.exit()).as(one.err()).isZero();
		assertThat(one.out()).containsPattern("(?m)^2026-11-26  ALERT\\s+\\$13\\.50\\s+\\$13\\.50 ")
			.contains("not sent")
			.doesNotContain("2026-11-25");
		CliIntegrationTests.Result table = cli("status", "--findings", "--config", config.toString());
		assertThat(table.out()).contains("Open findings on 2026-11-26").contains(openIds.get(0)).contains("BUDGET");
	}

	@Test
	void anAcknowledgedFindingIsMarkedAndNoLongerRaisesTheDayUntilItIsRemoved() throws Exception {
		Path config = config("ack1", "  exit-on-alert: true\n");
		assertThat(run(config, DAY).exit()).as("an ALERT, with exit-on-alert").isEqualTo(10);
		JsonNode before = DigestJson.read(dir.resolve("out/digest-2026-11-26.json")).root();
		List<String> alerts = new ArrayList<>();
		before.get("findings").forEach(f -> {
			if ("ALERT".equals(f.get("severity").asString())) {
				alerts.add(f.get("id").asString());
			}
		});
		assertThat(alerts).isNotEmpty();

		CliIntegrationTests.Result unknown = cli("ack", "0123456789ab", "--config", config.toString());
		assertThat(unknown.exit()).isEqualTo(2);
		assertThat(unknown.err()).contains("no finding with id '0123456789ab' in the store");
		LocalDate until = LocalDate.now(ZoneOffset.UTC).plusDays(30);
		for (String id : alerts) {
			CliIntegrationTests.Result ack = cli("ack", id, "--note", "budget raised on Monday", "--until",
					until.toString(), "--config", config.toString());
			assertThat(ack.exit()).as(ack.err()).isZero();
			assertThat(ack.out()).contains("acknowledged " + id + ": [ALERT]")
				.contains("acknowledged: budget raised on Monday (until " + until + ")");
		}
		CliIntegrationTests.Result list = cli("ack", "--list", "--config", config.toString());
		assertThat(list.out()).contains(alerts.get(0)).contains("YES").contains("budget raised on Monday");

		CliIntegrationTests.Result quiet = run(config, DAY);
		assertThat(quiet.exit()).as("acknowledged: no exit 10 " + quiet.err()).isZero();
		assertThat(quiet.out()).contains("acknowledged: budget raised on Monday");
		JsonNode after = DigestJson.read(dir.resolve("out/digest-2026-11-26.json")).root();
		assertThat(DigestSchema.violations(after)).isEmpty();
		assertThat(after.get("status").asString()).isNotEqualTo("ALERT");
		JsonNode marked = finding(after, alerts.get(0));
		assertThat(marked.get("severity").asString()).as("still listed as what it is").isEqualTo("ALERT");
		assertThat(marked.get("acknowledged").get("note").asString()).isEqualTo("budget raised on Monday");
		assertThat(marked.get("acknowledged").get("until").asString()).isEqualTo(until.toString());
		assertThat(Files.readString(dir.resolve("out/digest-2026-11-26.txt")))
			.contains("acknowledged: budget raised on Monday (until " + until + ")");
		assertThat(Files.readString(dir.resolve("out/digest-2026-11-26.html")))
			.contains("acknowledged: budget raised on Monday (until " + until + ")");
		JsonNode status = JSON.readTree(cli("status", "--format", "json", "--config", config.toString()).out());
		assertThat(status.get("days").get(0).get("status").asString()).isNotEqualTo("ALERT");
		assertThat(status.get("days").get(0).get("findings").get("acknowledged").asInt()).isEqualTo(alerts.size());

		for (String id : alerts) {
			assertThat(cli("ack", "--remove", id, "--config", config.toString()).exit()).isZero();
		}
		CliIntegrationTests.Result again = cli("ack", "--remove", alerts.get(0), "--config", config.toString());
		assertThat(again.exit()).isEqualTo(2);
		assertThat(again.err()).contains("finding '" + alerts.get(0) + "' is not acknowledged");
		assertThat(run(config, DAY).exit()).as("removed: the ALERT is back").isEqualTo(10);
		assertThat(finding(DigestJson.read(dir.resolve("out/digest-2026-11-26.json")).root(), alerts.get(0))
			.has("acknowledged")).isFalse();
	}

	@Test
	void anExpiredAcknowledgementNoLongerHoldsAndBadCommandLinesSayWhy() throws Exception {
		Path config = config("ack2", "  exit-on-alert: true\n");
		assertThat(run(config, DAY).exit()).isEqualTo(10);
		String id = finding(DigestJson.read(dir.resolve("out/digest-2026-11-26.json")).root(), null).get("id")
			.asString();
		CliIntegrationTests.Result past = cli("ack", id, "--until", "2026-01-01", "--config", config.toString());
		assertThat(past.exit()).isEqualTo(2);
		assertThat(past.err()).contains("--until 2026-01-01 has already passed");
		assertThat(cli("ack", "--config", config.toString()).err())
			.contains("a FINDING id, --list or --remove FINDING is required");
		assertThat(cli("ack", "--list", "--note", "x", "--config", config.toString()).err())
			.contains("--until and --note go with a FINDING to acknowledge");
		assertThat(cli("status", "--format", "csv").exit()).isEqualTo(2);
		assertThat(cli("ack", "--list", "--config", config.toString()).out()).contains("No acknowledged findings.");
	}

	/** The finding with {@code id} in a day's JSON; with null, its first ALERT. */
	private static JsonNode finding(JsonNode digest, String id) {
		for (JsonNode f : digest.get("findings")) {
			if (id == null ? "ALERT".equals(f.get("severity").asString()) : id.equals(f.get("id").asString())) {
				return f;
			}
		}
		throw new AssertionError("no finding " + id + " in " + digest.get("findings"));
	}

	private CliIntegrationTests.Result run(Path config, LocalDate day) {
		return cli("run", "--config", config.toString(), "--date", day.toString(), "--out",
				dir.resolve("out").toString());
	}

	private Path config(String storeSchema, String more) throws Exception {
		Endpoint e = db.endpoint();
		return Files.writeString(dir.resolve(storeSchema + "-" + System.nanoTime() + ".yml"), """
				spend-audit:
				  source:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				  store:
				    schema: %s
				""".formatted(e.url(), e.username(), e.password(), storeSchema) + more);
	}

}
