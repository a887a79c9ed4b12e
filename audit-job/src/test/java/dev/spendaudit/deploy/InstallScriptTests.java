package dev.spendaudit.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/install.sh} under a temporary {@code --root}: the tree and its modes, a second run that keeps what
 * was edited, doctor run at the end (a stand-in {@code java} records how), and {@code --uninstall} /
 * {@code --purge}.
 */
class InstallScriptTests {

	static final Path DEPLOY = Path.of("../deploy").toAbsolutePath().normalize();

	@TempDir
	Path dir;

	@Test
	void installsTheTreeWithItsModesRunsDoctorAndPrintsTheTimerLine() throws Exception {
		Path root = dir.resolve("root");
		Result first = install(0, "--root", root.toString(), "--jar", jar().toString());
		if (!isRoot()) {
			assertThat(first.exit()).isEqualTo(1);
			assertThat(first.err()).contains("run it as root");
			return;
		}
		assertThat(first.exit()).as(first.out() + first.err()).isZero();
		assertThat(mode(root.resolve("opt/spend-audit/spend-audit.jar"))).isEqualTo("rw-r--r--");
		assertThat(Files.readString(root.resolve("opt/spend-audit/spend-audit.jar"))).isEqualTo("not really a jar");
		assertThat(mode(root.resolve("usr/local/bin/spend-audit"))).isEqualTo("rwxr-xr-x");
		assertThat(mode(root.resolve("etc/spend-audit/spend-audit.env"))).isEqualTo("rw-------");
		assertThat(Files.getOwner(root.resolve("etc/spend-audit/spend-audit.env")).getName()).isEqualTo("root");
		assertThat(root.resolve("etc/spend-audit/spend-audit.env")).hasSameTextualContentAs(
				DEPLOY.resolve("spend-audit.env.example"));
		assertThat(mode(root.resolve("etc/spend-audit/spend-audit.yml"))).isEqualTo("rw-r--r--");
		assertThat(mode(root.resolve("var/lib/spend-audit"))).isEqualTo("rwxr-x---");
		assertThat(root.resolve("var/lib/spend-audit/out")).isDirectory();
		for (String unit : List.of("spend-audit.service", "spend-audit.timer", "spend-audit-failed@.service")) {
			assertThat(root.resolve("etc/systemd/system/" + unit)).hasSameTextualContentAs(DEPLOY.resolve(unit));
			assertThat(mode(root.resolve("etc/systemd/system/" + unit))).isEqualTo("rw-r--r--");
		}
		assertThat(Files.readString(dir.resolve("java-args")).strip()).isEqualTo("-jar "
				+ root.resolve("opt/spend-audit/spend-audit.jar") + " doctor --config "
				+ root.resolve("etc/spend-audit/spend-audit.yml") + " --env-file "
				+ root.resolve("etc/spend-audit/spend-audit.env"));
		// before doctor: the jar extracted for the units' class path, and the class-data-sharing archive trained
		List<String> calls = Files.readAllLines(dir.resolve("java-args.all"));
		assertThat(calls.get(0)).isEqualTo("-Djarmode=tools -jar " + root.resolve("opt/spend-audit/spend-audit.jar")
				+ " extract --destination " + root.resolve("opt/spend-audit/app"));
		assertThat(calls.get(1)).startsWith("-Xmx256m -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="
				+ root.resolve("opt/spend-audit/spend-audit.jsa.new") + " -Xlog:disable -Xlog:all=error:stderr -jar "
				+ root.resolve("opt/spend-audit/app/spend-audit.jar") + " demo --out ");
		// the stand-in java writes no archive: the install says so and goes on
		assertThat(first.out()).contains("could not train the class-data-sharing archive");
		assertThat(first.out()).contains("OK    fake doctor").contains("doctor found nothing that fails")
			.contains("systemctl enable --now spend-audit.timer").contains("not creating the spend-audit user");
	}

	@Test
	void aSecondRunKeepsTheEditedSettingsAndADoctorFailureDoesNotUndoTheInstall() throws Exception {
		assumeTrue(isRoot(), "install.sh runs as root (as the test suite does on CI)");
		Path root = dir.resolve("root");
		assertThat(install(0, "--root", root.toString(), "--jar", jar().toString()).exit()).isZero();
		Path env = root.resolve("etc/spend-audit/spend-audit.env");
		Files.writeString(env, "SPEND_AUDIT_SOURCE_PASSWORD=the-real-one\n");
		Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));

		Result again = install(1, "--root", root.toString(), "--jar", jar().toString());
		assertThat(again.exit()).as(again.err()).isZero();
		assertThat(Files.readString(env)).isEqualTo("SPEND_AUDIT_SOURCE_PASSWORD=the-real-one\n");
		assertThat(mode(env)).isEqualTo("rw-r-----");
		assertThat(again.out()).contains("kept " + env).contains("doctor found something to fix");
	}

	@Test
	void uninstallRemovesTheProgramAndKeepsSettingsAndDataUntilPurge() throws Exception {
		assumeTrue(isRoot(), "install.sh runs as root (as the test suite does on CI)");
		Path root = dir.resolve("root");
		assertThat(install(0, "--root", root.toString(), "--jar", jar().toString()).exit()).isZero();

		Result uninstall = install(0, "--uninstall", "--root", root.toString());
		assertThat(uninstall.exit()).as(uninstall.err()).isZero();
		assertThat(root.resolve("opt/spend-audit")).doesNotExist();
		assertThat(root.resolve("usr/local/bin/spend-audit")).doesNotExist();
		assertThat(root.resolve("etc/systemd/system/spend-audit.service")).doesNotExist();
		assertThat(root.resolve("etc/systemd/system/spend-audit.timer")).doesNotExist();
		assertThat(root.resolve("etc/spend-audit/spend-audit.env.example")).doesNotExist();
		assertThat(root.resolve("etc/spend-audit/spend-audit.env")).exists();
		assertThat(root.resolve("var/lib/spend-audit")).isDirectory();
		assertThat(uninstall.out()).contains("kept its settings and data");

		Result purge = install(0, "--uninstall", "--purge", "--root", root.toString());
		assertThat(purge.exit()).isZero();
		assertThat(root.resolve("etc/spend-audit")).doesNotExist();
		assertThat(root.resolve("var/lib/spend-audit")).doesNotExist();
	}

	@Test
	void theCommandLineStartsTheJobsWithTheArchiveAndHelpAndFingerprintWithout() throws Exception {
		assumeTrue(isRoot(), "install.sh runs as root (as the test suite does on CI)");
		Path root = dir.resolve("root");
		assertThat(install(0, "--root", root.toString(), "--jar", jar().toString()).exit()).isZero();
		String archive = "-XX:SharedArchiveFile=/opt/spend-audit/spend-audit.jsa";
		assertThat(wrapper(root, "run", "--date", "2026-11-30")).contains(archive)
			.endsWith("-jar /opt/spend-audit/app/spend-audit.jar run --date 2026-11-30");
		assertThat(wrapper(root, "schedule")).contains(archive);
		for (List<String> args : List.of(List.<String>of(), List.of("--help"), List.of("run", "--help"),
				List.of("keys", "-h"), List.of("--version"), List.of("fingerprint"), List.of("help", "run"))) {
			assertThat(wrapper(root, args.toArray(String[]::new))).as(String.join(" ", args))
				.doesNotContain("SharedArchiveFile")
				.endsWith("-jar /opt/spend-audit/app/spend-audit.jar" + (args.isEmpty() ? "" : " " + String.join(" ", args)));
		}
	}

	/** The installed {@code spend-audit} command run with {@code args}: the arguments it gave the stand-in java. */
	private String wrapper(Path root, String... args) throws Exception {
		Files.deleteIfExists(dir.resolve("java-args.all"));
		List<String> command = new ArrayList<>(List.of("sh", root.resolve("usr/local/bin/spend-audit").toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("wrapper.txt").toFile());
		pb.environment().put("PATH", dir.resolve("bin") + ":" + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
		pb.environment().put("FAKE_JAVA_ARGS", dir.resolve("java-args").toString());
		Process process = pb.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(dir.resolve("wrapper.txt"))).isZero();
		return Files.readString(dir.resolve("java-args.all")).strip();
	}

	@Test
	void anUnknownOptionIsAUsageError() throws Exception {
		Result r = install(0, "--rooot", dir.toString());
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err()).contains("unknown option '--rooot'");
	}

	record Result(int exit, String out, String err) {
	}

	/** Runs the script with a stand-in {@code java} first on the PATH that exits {@code doctorExit}. */
	private Result install(int doctorExit, String... args) throws Exception {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		Path java = bin.resolve("java");
		Files.writeString(java, """
				#!/bin/sh
				echo "$@" >> "$FAKE_JAVA_ARGS.all"
				case "$*" in
				  *" doctor "*) ;;
				  *) exit 0 ;;
				esac
				echo "$@" > "$FAKE_JAVA_ARGS"
				echo "OK    fake doctor"
				exit "$FAKE_DOCTOR_EXIT"
				""");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		List<String> command = new ArrayList<>(List.of("bash", DEPLOY.resolve("install.sh").toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
			.redirectError(dir.resolve("err.txt").toFile());
		Map<String, String> env = pb.environment();
		env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
		env.put("FAKE_JAVA_ARGS", dir.resolve("java-args").toString());
		env.put("FAKE_DOCTOR_EXIT", String.valueOf(doctorExit));
		Process process = pb.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
				Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
	}

	private Path jar() throws IOException {
		return Files.writeString(dir.resolve("spend-audit.jar"), "not really a jar");
	}

	private static String mode(Path file) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
	}

	static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

}
