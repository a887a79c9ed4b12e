package dev.spendaudit.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.spendaudit.SpendAuditApplication;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fingerprint} turns a raw key into the hash LiteLLM stores without ever showing the key; {@code keys} lists
 * the keys with the same fingerprint, so the two can be matched.
 */
class KeysAndFingerprintIntegrationTests {

	static final String RAW = "sk-hermes-raw-7c7c";

	@TempDir
	Path dir;

	@Test
	void fingerprintPrintsTheTokenHashNeverTheKey() {
		CliIntegrationTests.Result r = fingerprint("sk-1234\n\n   " + RAW + "  \n");
		assertThat(r.exit()).as(r.err()).isZero();
		// sha256("sk-1234") as computed by sha256sum
		assertThat(r.out()).contains("88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b")
			.contains("88dc28d0f030  ")
			.contains(KeyHash.of(RAW))
			.contains("sk-...7c7c")
			.doesNotContain(RAW)
			.doesNotContain("sk-1234\n");
		assertThat(r.out().lines().count()).isEqualTo(3);
	}

	@Test
	void fingerprintRefusesEmptyInputAndArguments() {
		CliIntegrationTests.Result empty = fingerprint("\n \n");
		assertThat(empty.exit()).isEqualTo(2);
		assertThat(empty.err()).contains("no key on standard input");
		CliIntegrationTests.Result argument = CliIntegrationTests.cli("fingerprint", "sk-never-as-an-argument");
		assertThat(argument.exit()).isEqualTo(2);
		assertThat(argument.err()).contains("standard input only").doesNotContain("sk-never-as-an-argument");
		assertThat(CliIntegrationTests.cli("fingerprint", "--help").out()).contains("standard input")
			.contains("never the key.");
	}

	@Test
	void keysListsEveryKeyWithFlagsAsJsonCsvAndTable() throws Exception {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		try (LiteLlmDatabase db = LiteLlmDatabase.create("keyscli")) {
			String hermes = KeyHash.of(RAW);
			db.writer().key(hermes, "vk-hermes", KeyHash.keyName(RAW));
			db.writer().team("team-agents", "Agents");
			db.writer().keyTeam(hermes, "team-agents");
			String laptop = KeyHash.of("sk-laptop-9f3a");
			db.writer().key(laptop, null, "sk-...9f3a");
			db.writer().key(KeyHash.of("sk-never-used-0000"), "vk-spare", "sk-...0000");
			db.writer().key(KeyHash.of("sk-idle-1111"), "vk-idle", "sk-...1111");
			db.writer().keyTotals(KeyHash.of("sk-idle-1111"), 3.0, now.minusDays(60));
			String shared = KeyHash.of("sk-mac-shared");
			db.writer().key(shared, "vk-mac, shared", "sk-...ared");
			db.writer().spendLogs(List.of(call("h1", hermes, "vk-hermes", now.minusHours(2), 0.5),
					call("h2", hermes, "vk-hermes", now.minusDays(3), 0.25),
					call("l1", laptop, null, now.minusDays(40), 9.0), call("l2", laptop, null, now.minusDays(1), 0.125),
					call("s1", shared, "vk-mac, shared", now.minusHours(5), 0.01),
					// an older LiteLLM stored this bearer token itself instead of its hash
					call("r1", "bearer-raw-token-0123456789", null, now.minusHours(1), 0.001)));
			Path config = Files.writeString(dir.resolve("keys.yml"), """
					spend-audit:
					  source:
					    url: %s
					    username: %s
					    password: "%s"
					  retiring-keys:
					    - key: sk-...ared
					""".formatted(db.endpoint().url(), db.endpoint().username(), db.endpoint().password()));

			CliIntegrationTests.Result json = CliIntegrationTests.cli("keys", "--format", "json", "--config",
					config.toString());
			assertThat(json.exit()).as(json.err()).isZero();
			JsonNode rows = JsonMapper.builder().build().readTree(json.out());
			assertThat(rows).hasSize(6);
			assertThat(json.out()).doesNotContain("bearer-raw-token-0123456789");
			JsonNode raw = null;
			for (JsonNode r : rows) {
				raw = r.get("flags").toString().contains("RAW_KEY") ? r : raw;
			}
			assertThat(raw).as("the raw key's row").isNotNull();
			assertThat(raw.get("tokenHash").isNull()).isTrue();
			assertThat(raw.get("fingerprint").asString())
				.isEqualTo(KeyHash.of("bearer-raw-token-0123456789").substring(0, 12));
			JsonNode first = rows.get(0);
			assertThat(first.get("workload").asString()).isEqualTo("vk-hermes");
			assertThat(first.get("attribution").asString()).isEqualTo("KEY_ALIAS");
			assertThat(first.get("tokenHash").asString()).isEqualTo(hermes);
			assertThat(first.get("requests").asLong()).isEqualTo(2);
			assertThat(first.get("usd").decimalValue()).isEqualByComparingTo("0.75");
			assertThat(first.get("flags")).isEmpty();
			assertThat(first.get("team").asString()).isEqualTo("Agents");
			assertThat(first.get("teamId").asString()).isEqualTo("team-agents");
			assertThat(row(rows, "vk-spare").get("team").asString()).isEqualTo("no team");
			assertThat(row(rows, "vk-spare").get("teamId").isNull()).isTrue();
			// the fingerprint of the raw key matches the listed key
			assertThat(fingerprint(RAW + "\n").out()).contains(first.get("fingerprint").asString() + "  " + hermes);
			assertThat(row(rows, "sk-...9f3a").get("flags").toString()).contains("NO_ALIAS");
			assertThat(row(rows, "sk-...9f3a").get("requests").asLong()).as("the 40-day-old call is outside 30 days")
				.isEqualTo(1);
			assertThat(row(rows, "vk-spare").get("flags").toString()).contains("NEVER_USED");
			assertThat(row(rows, "vk-idle").get("flags").toString()).contains("IDLE");
			assertThat(row(rows, "vk-mac, shared").get("flags").toString()).contains("RETIRING");

			CliIntegrationTests.Result csv = CliIntegrationTests.cli("keys", "--format", "csv", "--days", "60",
					"--config", config.toString());
			assertThat(csv.exit()).as(csv.err()).isZero();
			List<String> lines = csv.out().lines().toList();
			assertThat(lines.get(0))
				.isEqualTo("workload,attribution,key_name,token_hash,fingerprint,last_seen,last_active,requests,usd,flags,"
						+ "team,team_id");
			assertThat(lines).hasSize(7);
			assertThat(lines.get(1)).startsWith("sk-...9f3a,KEY_NAME,sk-...9f3a," + laptop).endsWith(",2,9.125,NO_ALIAS,no team,");
			assertThat(lines).anyMatch(l -> l.startsWith("\"vk-mac, shared\",KEY_ALIAS,") && l.endsWith(",RETIRING,no team,"));

			CliIntegrationTests.Result table = CliIntegrationTests.cli("keys", "--config", config.toString());
			assertThat(table.exit()).as(table.err()).isZero();
			assertThat(table.out()).contains("6 keys, 2 without an alias, 1 never used, 1 retiring")
				.contains("WORKLOAD")
				.contains("TEAM")
				.containsPattern("vk-hermes +Agents +KEY_ALIAS")
				.contains("NEVER_USED");
		}
	}

	@Test
	void keysRefusesAnUnknownFormatBeforeAnyWork() {
		CliIntegrationTests.Result r = CliIntegrationTests.cli("keys", "--format", "xml");
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err()).contains("--format must be table, json or csv, not 'xml'");
		assertThat(CliIntegrationTests.cli("keys", "--help").out()).contains("--days").contains("--format")
			.contains("--config");
	}

	static JsonNode row(JsonNode rows, String workload) {
		for (JsonNode r : rows) {
			if (r.get("workload").asString().equals(workload)) {
				return r;
			}
		}
		throw new AssertionError("no " + workload + " in " + rows);
	}

	static Call call(String id, String key, String alias, LocalDateTime at, double spend) {
		return Call.of(id, key, alias, "gpt-4.1-mini", "openai", at, spend, 100, 10);
	}

	/** Runs {@code fingerprint} with {@code stdin} as its standard input. */
	static CliIntegrationTests.Result fingerprint(String stdin) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine.IFactory factory = new CommandLine.IFactory() {

			@Override
			public <K> K create(Class<K> type) throws Exception {
				if (type == FingerprintCommand.class) {
					return type.cast(new FingerprintCommand(
							new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null));
				}
				return CommandLine.defaultFactory().create(type);
			}

		};
		CommandLine cli = SpendAuditCommand.commandLine(SpendAuditApplication.class, factory);
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		int exit = cli.execute("fingerprint");
		return new CliIntegrationTests.Result(exit, out.toString(), err.toString());
	}

}
