package dev.spendaudit.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped units pass {@code systemd-analyze verify} where systemd's tools are installed (skipped where they
 * are not: a container without systemd cannot judge them).
 */
class SystemdUnitsTests {

	@TempDir
	Path dir;

	@Test
	void theUnitsVerify() throws Exception {
		assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed here");
		Path deploy = Path.of("../deploy").toAbsolutePath().normalize();
		List<String> command = List.of("systemd-analyze", "verify",
				deploy.resolve("spend-audit.service").toString(), deploy.resolve("spend-audit.timer").toString(),
				deploy.resolve("spend-audit-failed@.service").toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("verify.txt").toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = Files.readString(dir.resolve("verify.txt"), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		// verify also reports unknown keys and bad values as warnings, with exit 0: none of ours
		assertThat(output.lines().filter(l -> l.contains("spend-audit"))).as(output).isEmpty();
	}

	private static boolean onPath(String program) {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String dir : path.split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}

}
