package dev.spendaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spend-audit reconcile} on a real generation export: table, JSON (against its schema) and CSV; a UTC day
 * whose hours are not all audited is pending and says why; bad input is one line and an exit code.
 */
class ReconcileCliIntegrationTests {

	static final String KEY = KeyHash.of("sk-router-cli-0001");

	static LiteLlmDatabase db;

	@TempDir
	static Path dir;

	static Path config;

	@BeforeAll
	static void start() throws IOException {
		db = LiteLlmDatabase.create("reconcile_cli");
		db.writer().key(KEY, "vk-router", "sk-...0001");
		List<Call> calls = Traffic.every(Duration.ofHours(1), LocalDateTime.of(2026, 11, 24, 0, 30),
				LocalDateTime.of(2026, 11, 27, 0, 0), KEY, "vk-router", "openai/gpt-4.1-mini", "openrouter", 0.25);
		db.writer().spendLogs(calls);
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		StringBuilder csv = new StringBuilder("generation_id,created_at,cost_total,tokens_prompt,tokens_completion,"
				+ "tokens_cached,model_permaslug,provider_name,api_key_name,app_name\n");
		DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
		for (Call c : calls) {
			csv.append(c.requestId()).append(',').append(at.format(c.startTimeUtc())).append(",0.25,1000,200,0,")
				.append(c.modelGroup()).append(",OpenAI,team,app\n");
		}
		csv.append("gen-not-logged-1,2026-11-24 12:00:00.000,4.50,9000,900,0,openai/gpt-4.1-mini,OpenAI,team,app\n");
		Files.writeString(inbox.resolve("generations.csv"), csv);
		Files.writeString(inbox.resolve("notes.txt"), "not a bill\n");
		config = Files.writeString(dir.resolve("reconcile.yml"), """
				spend-audit:
				  source:
				    url: %s
				    username: %s
				    password: "%s"
				  reconcile:
				    inbox: %s
				""".formatted(db.endpoint().url(), db.endpoint().username(), db.endpoint().password(), inbox));
		CliIntegrationTests.Result run = CliIntegrationTests.cli("run", "--config", config.toString(), "--date",
				"2026-11-25", "--out", dir.resolve("out").toString());
		assertThat(run.exit()).as(run.err()).isIn(0, 10);
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void printsTheSameAsTableJsonAndCsv() {
		CliIntegrationTests.Result json = reconcile("--format", "json");
		assertThat(json.exit()).as(json.err()).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(json.out());
		assertThat(schema().validate(report)).isEmpty();
		assertThat(report.get("days").asString()).isEqualTo("UTC");
		JsonNode d24 = report.get("providers").get(0);
		assertThat(d24.get("date").asString()).isEqualTo("2026-11-24");
		assertThat(d24.get("status").asString()).isEqualTo("RECONCILED");
		// 24 generations at $0.25 in the log and on the bill, and one of $4.50 only on the bill
		assertThat(d24.get("billedUsd").decimalValue()).isEqualByComparingTo("10.50");
		assertThat(d24.get("loggedUsd").decimalValue()).isEqualByComparingTo("6.00");
		assertThat(d24.get("gapUsd").decimalValue()).isEqualByComparingTo("4.50");
		assertThat(d24.get("missing").get(0).get("requestId").asString()).isEqualTo("gen-not-logged-1");
		JsonNode d26 = report.get("providers").get(2);
		assertThat(d26.get("status").asString()).isEqualTo("PENDING");
		assertThat(d26.get("pendingReason").asString()).contains("not all audited");
		assertThat(report.get("unreadable").get(0).get("file").asString()).isEqualTo("notes.txt");

		CliIntegrationTests.Result csv = reconcile("--format", "csv");
		assertThat(csv.exit()).as(csv.err()).isZero();
		List<String> lines = csv.out().lines().toList();
		assertThat(lines.get(0)).startsWith("provider,date,status,billed_usd,byok_usd,logged_usd,capture_rate,gap_usd");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).startsWith("openrouter,2026-11-24,RECONCILED,10.5,,6,0.5714,4.5,1,0,");

		CliIntegrationTests.Result table = reconcile();
		assertThat(table.exit()).as(table.err()).isZero();
		assertThat(table.out()).contains("UTC days 2026-11-24 to 2026-11-26")
			.contains("missing   gen-not-logged-1 $4.50")
			.contains("PENDING")
			.contains("Cannot read notes.txt");
	}

	@Test
	void badInputIsOneLineAndAnExitCode() throws IOException {
		CliIntegrationTests.Result backwards = CliIntegrationTests.cli("reconcile", "--config", config.toString(),
				"--from", "2026-11-26", "--to", "2026-11-24");
		assertThat(backwards.exit()).isEqualTo(2);
		assertThat(backwards.err()).contains("--from 2026-11-26 is after --to 2026-11-24");
		CliIntegrationTests.Result format = reconcile("--format", "xml");
		assertThat(format.exit()).isEqualTo(2);
		assertThat(format.err()).contains("--format must be table, json or csv, not 'xml'");
		Path noInbox = Files.writeString(dir.resolve("no-inbox.yml"), """
				spend-audit:
				  source:
				    url: %s
				    username: %s
				    password: "%s"
				""".formatted(db.endpoint().url(), db.endpoint().username(), db.endpoint().password()));
		CliIntegrationTests.Result unset = CliIntegrationTests.cli("reconcile", "--config", noInbox.toString());
		assertThat(unset.exit()).isEqualTo(3);
		assertThat(unset.err()).contains("spend-audit.reconcile.inbox is not set");
	}

	static CliIntegrationTests.Result reconcile(String... more) {
		List<String> args = new java.util.ArrayList<>(List.of("reconcile", "--config", config.toString(), "--from",
				"2026-11-24", "--to", "2026-11-26"));
		args.addAll(List.of(more));
		return CliIntegrationTests.cli(args.toArray(String[]::new));
	}

	static Schema schema() {
		try (InputStream in = ReconcileCliIntegrationTests.class.getResourceAsStream("/schema/reconcile.schema.json")) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
