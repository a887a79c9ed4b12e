package dev.spendaudit.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folders and the env file, with modes set explicitly (the tests may run as root, who can read and write
 * anything, so the checks must judge by owner, group and mode, not by trying).
 */
class FileChecksTests {

	@TempDir
	Path dir;

	@Test
	void anEnvFileReadableByOthersOrAStrangeGroupIsAWarningWithItsFix() throws Exception {
		Path env = Files.writeString(dir.resolve("spend-audit.env"), "SPEND_AUDIT_SOURCE_PASSWORD=x\n");
		FileChecks files = new FileChecks(null, "root");
		String owner = Files.getOwner(env).getName();

		Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
		Check world = files.envFile(env, "--env-file");
		assertThat(world.status()).isEqualTo(Status.WARN);
		assertThat(world.detail()).contains("0644").contains("every user on this host can read its passwords");
		assertThat(world.fix()).contains("chmod 0600 " + env).contains("chown root:root " + env);

		Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));
		Check group = files.envFile(env, "--env-file");
		String fileGroup = Files.readAttributes(env, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
		assertThat(group.status()).as(group.detail()).isEqualTo(fileGroup.equals("spend-audit") ? Status.OK
				: Status.WARN);
		assertThat(group.detail()).contains("0640");

		Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
		Check tight = files.envFile(env, "--env-file");
		assertThat(tight.status()).as(tight.detail())
			.isEqualTo(owner.equals("root") || owner.equals("spend-audit") ? Status.OK : Status.WARN);
		assertThat(tight.detail()).contains("0600");
	}

	@Test
	void anEnvFileTheUnitNamesButThatIsMissingFails() {
		Check missing = new FileChecks(null, "root").envFile(dir.resolve("nope.env"), "EnvironmentFile= in x");
		assertThat(missing.status()).isEqualTo(Status.FAIL);
		assertThat(new FileChecks(null, "root").envFile(null, "-").status()).isEqualTo(Status.OK);
	}

	@Test
	void anOutputFolderOutsideReadWritePathsFailsUnderProtectSystemStrict() throws Exception {
		SystemdUnit unit = unit("root", List.of("/var/lib/spend-audit"));
		Check out = new FileChecks(unit, "root").out(dir.resolve("out"));
		assertThat(out.status()).isEqualTo(Status.FAIL);
		assertThat(out.detail()).contains("outside ReadWritePaths=/var/lib/spend-audit");
	}

	@Test
	void aFolderIsJudgedForTheJobsUserNotForWhoeverRunsDoctor() throws Exception {
		Path out = Files.createDirectory(dir.resolve("out"));
		Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
		SystemdUnit unit = unit("nobody", List.of(dir.toString()));
		Check notWritable = new FileChecks(unit, "root").out(out);
		assertThat(notWritable.status()).isEqualTo(Status.FAIL);
		assertThat(notWritable.detail()).contains("not writable by user nobody");
		assertThat(notWritable.fix()).contains("chown nobody:nobody " + out);

		Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThat(new FileChecks(unit, "root").out(out).status()).isEqualTo(Status.OK);
	}

	@Test
	void aFolderThatDoesNotExistYetIsMadeByTheFirstRun() {
		Check later = new FileChecks(null, System.getProperty("user.name")).out(dir.resolve("not/yet"));
		assertThat(later.status()).isEqualTo(Status.OK);
		assertThat(later.detail()).contains("does not exist yet; the first run creates it in " + dir);
		assertThat(new FileChecks(null, "root").textfile(null).status()).isEqualTo(Status.OK);
	}

	private SystemdUnit unit(String user, List<String> readWritePaths) {
		return new SystemdUnit(dir.resolve("spend-audit.service"), user, null, List.of(), dir.toString(), true,
				readWritePaths, "/usr/bin/java -jar x.jar run");
	}

}
