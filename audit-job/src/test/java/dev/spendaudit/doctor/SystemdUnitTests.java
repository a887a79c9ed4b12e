package dev.spendaudit.doctor;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SystemdUnitTests {

	@TempDir
	Path dir;

	@Test
	void readsTheShippedServiceAsDoctorNeedsIt() throws Exception {
		SystemdUnit unit = SystemdUnit.read(Path.of("../deploy/spend-audit.service"));
		assertThat(unit.user()).isEqualTo("spend-audit");
		assertThat(unit.group()).isEqualTo("spend-audit");
		assertThat(unit.environmentFiles()).containsExactly("/etc/spend-audit/spend-audit.env");
		assertThat(unit.workingDirectory()).isEqualTo("/var/lib/spend-audit");
		assertThat(unit.execOption("--config")).isEqualTo("/etc/spend-audit/spend-audit.yml");
		assertThat(unit.execOption("--out")).isEqualTo("/var/lib/spend-audit/out");
		assertThat(unit.protectSystemStrict()).isTrue();
		assertThat(unit.allowsWritesTo(Path.of("/var/lib/spend-audit/out"))).isTrue();
		assertThat(unit.allowsWritesTo(Path.of("/srv/reports"))).isFalse();
	}

	@Test
	void optionalEnvironmentFilesAndPrefixedPathsAreUnderstood() throws Exception {
		Path file = Files.writeString(dir.resolve("x.service"), """
				[Service]
				EnvironmentFile=-/etc/default/spend-audit
				ReadWritePaths=-/var/lib/spend-audit +/var/lib/node_exporter/textfile
				ExecStart=/usr/bin/java -jar x.jar run --out=/data/out
				""");
		SystemdUnit unit = SystemdUnit.read(file);
		assertThat(unit.environmentFiles()).containsExactly("/etc/default/spend-audit");
		assertThat(unit.readWritePaths()).containsExactly("/var/lib/spend-audit", "/var/lib/node_exporter/textfile");
		assertThat(unit.execOption("--out")).isEqualTo("/data/out");
		// without ProtectSystem=strict every folder the user may write is writable
		assertThat(unit.allowsWritesTo(Path.of("/srv"))).isTrue();
	}

}
