package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.SmallDisk;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output folder in trouble: under a regular file (root ignores modes, a file in the path stops it), or on a
 * disk that fills up mid-day. Exit 7, one line naming the path, nothing half-written left for {@code resend} or the
 * next run to send, nothing mailed; with room again, the next run mails the day exactly once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiskFaultsIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static LiteLlmDatabase db;

	static TestSmtp smtp;

	@TempDir
	Path dir;

	@BeforeAll
	static void aDayOfSpendAndAnSmtpServer() {
		db = LiteLlmDatabase.create("diskfaults");
		String key = KeyHash.of("sk-disk-faults");
		db.writer().key(key, "vk-disk-faults", "sk-...ults");
		db.writer().spendLogs(List.of(Call.of("disk-1", key, "vk-disk-faults", "gpt-4.1-mini", "openai",
				DAY.atTime(9, 0), 2.5, 1000, 100)));
		smtp = TestSmtp.start();
	}

	@AfterAll
	static void close() {
		smtp.close();
		db.close();
	}

	@Test
	void anOutputFolderUnderARegularFileStopsTheRunBeforeAnyDay() throws Exception {
		Path file = Files.writeString(dir.resolve("not-a-folder"), "a file\n");
		Path out = file.resolve("out");
		CliIntegrationTests.Result r = cli("run", "--date", DAY.minusDays(1).toString(), "--config",
				config().toString(), "--out", out.toString());
		assertThat(r.exit()).as(r.err()).isEqualTo(7);
		assertThat(r.err().strip().lines()).hasSize(1);
		assertThat(r.err()).contains("the output folder " + out + " is not writable");
		assertThat(file).hasContent("a file");
		assertThat(smtp.received(DAY.minusDays(1))).isEmpty();
	}

	@Test
	void aFullDiskFailsTheDayWithNoPartialFileAndTheNextRunMailsItOnce() throws Exception {
		try (SmallDisk disk = SmallDisk.mount("64k")) {
			Path out = disk.path().resolve("out");
			CliIntegrationTests.Result full = cli("run", "--date", DAY.toString(), "--config", config().toString(),
					"--out", out.toString());
			assertThat(full.exit()).as(full.err()).isEqualTo(7);
			assertThat(full.err().strip().lines()).as(full.err()).hasSize(1);
			assertThat(full.err()).contains("cannot write " + out.resolve("digest-" + DAY))
				.contains("No space left on device");
			assertThat(names(out)).as("whole files only: no temporary file, no .eml to be sent later")
				.noneMatch(name -> name.endsWith(".tmp"))
				.doesNotContain("digest-" + DAY + ".eml");
			assertThat(smtp.received(DAY)).isEmpty();

			CliIntegrationTests.Result resend = cli("resend", "--date", DAY.toString(), "--config",
					config().toString(), "--out", out.toString());
			assertThat(resend.exit()).as("nothing to resend: no digest was completed").isEqualTo(1);
			assertThat(smtp.received(DAY)).isEmpty();

			disk.resize("16m");
			CliIntegrationTests.Result next = cli("run", "--date", DAY.toString(), "--config", config().toString(),
					"--out", out.toString());
			assertThat(next.exit()).as(next.err()).isZero();
			assertThat(names(out)).contains("digest-" + DAY + ".json", "digest-" + DAY + ".eml")
				.noneMatch(name -> name.endsWith(".tmp"));
			assertThat(smtp.received(DAY)).hasSize(1);
			assertThat(cli("run", "--date", DAY.toString(), "--config", config().toString(), "--out", out.toString())
				.exit()).isZero();
			assertThat(smtp.received(DAY)).as("sent once").hasSize(1);
		}
	}

	private Path config() throws Exception {
		Endpoint e = db.endpoint();
		return Files.writeString(dir.resolve("disk-" + System.nanoTime() + ".yml"), """
				spend-audit:
				  source:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				  mail:
				    to: ops@example.org
				    from: spend-audit@example.org
				    retries: 0
				spring:
				  mail:
				    host: 127.0.0.1
				    port: %d
				""".formatted(e.url(), e.username(), e.password(), smtp.port()));
	}

	private static List<String> names(Path dir) throws Exception {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
