package dev.spendaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import dev.spendaudit.doctor.Doctor;
import dev.spendaudit.doctor.EnvFile;
import dev.spendaudit.doctor.Report;
import dev.spendaudit.doctor.ReportWriter;
import dev.spendaudit.doctor.Secrets;
import dev.spendaudit.doctor.SystemdUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doctor}: checks the set-up before the night does, one line per check.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Check the set-up: every setting in force and where it came from (secrets masked), the LiteLLM",
				"database (reachable, indexes, layout, a read-only role, fresh rows), the store (migrations,",
				"last audited day; never migrated here), mail (connect, STARTTLS, login; nothing sent unless",
				"--send-test), folders and the env file's permissions, and, given its process or a copy of its",
				"environment and its config file, the LiteLLM gateway: does the live process log spend, and to",
				"the database spend-audit reads?",
				"One line per check: OK, WARN or FAIL, each WARN and FAIL with its fix.",
				"Exit status: 0 when nothing FAILs (warnings included), 1 when something FAILs (each FAIL line",
				"says what), 2 for a wrong command line." })
class DoctorCommand implements Callable<Integer> {

	static final List<String> FORMATS = List.of("text", "json");

	@Mixin
	ConfigOption config;

	@ArgGroup(exclusive = true)
	GatewayProcess gateway;

	@Option(names = "--gateway-config", paramLabel = "FILE", description = "the gateway's LiteLLM config.yaml")
	Path gatewayConfig;

	@Option(names = "--env-file", paramLabel = "FILE",
			description = "the job's env file (default: the EnvironmentFile= of /etc/systemd/system/spend-audit.service)")
	Path envFile;

	@Option(names = "--send-test", description = "send one test message to spend-audit.mail.to")
	boolean sendTest;

	@Option(names = "--demo", description = "check the built-in demo database (yesterday audited first)")
	boolean demo;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "text or json (default: ${DEFAULT-VALUE})")
	String format;

	@Option(names = "--unit", paramLabel = "FILE", hidden = true, description = "the job's systemd service file")
	Path unitFile = SystemdUnit.DEFAULT;

	@Option(names = "--proc-root", paramLabel = "DIR", hidden = true, description = "where /proc is")
	Path procRoot = Path.of("/proc");

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/** How the gateway's live environment is given: its process, or a copy of its environment. */
	static class GatewayProcess {

		@Option(names = "--gateway-pid", paramLabel = "PID",
				description = "the LiteLLM process: its environment is read from /proc/PID/environ (root or its user)")
		Long pid;

		@Option(names = "--gateway-env", paramLabel = "FILE",
				description = "a copy of its environment: 'docker exec C env' (KEY=VALUE lines) or 'docker inspect C'")
		Path file;

	}

	@Override
	public Integer call() {
		if (!FORMATS.contains(format)) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"--format must be text or json, not '" + format + "'");
		}
		readable("--env-file", envFile);
		readable("--gateway-config", gatewayConfig);
		readable("--gateway-env", gateway == null ? null : gateway.file);
		SystemdUnit unit = unit();
		Path configFile = config.checked() != null ? config.checked() : unitConfig(unit);
		Path env = envFile != null ? envFile
				: unit != null && !unit.environmentFiles().isEmpty() ? Path.of(unit.environmentFiles().get(0)) : null;
		String envNamedBy = envFile != null ? "--env-file" : "EnvironmentFile= in " + unitFile;
		Secrets secrets = new Secrets();
		Clock clock = Clock.systemUTC();
		try (DoctorDemo demoDatabase = demo ? DoctorDemo.start(clock) : DoctorDemo.none()) {
			DoctorSetup setup = new DoctorSetup(secrets, clock, procRoot);
			var inputs = setup.inputs(configFile, env, envNamedBy, demoDatabase, unit, gateway == null ? null
					: gateway.pid, gateway == null ? null : gateway.file, gatewayConfig, sendTest);
			Report report = new Doctor(secrets).examine(inputs);
			PrintWriter out = spec.commandLine().getOut();
			if ("json".equals(format)) {
				ReportWriter.json(report, out);
			}
			else {
				ReportWriter.text(report, out);
			}
			return report.exitCode();
		}
	}

	private SystemdUnit unit() {
		if (unitFile == null || !Files.isRegularFile(unitFile)) {
			return null;
		}
		try {
			return SystemdUnit.read(unitFile);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Without {@code --config}, the file the timer's run uses ({@code --config} in the unit's ExecStart). */
	private static Path unitConfig(SystemdUnit unit) {
		String file = unit == null ? null : unit.execOption("--config");
		return file != null && Files.isReadable(Path.of(file)) ? Path.of(file) : null;
	}

	private void readable(String option, Path file) {
		if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
			throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file + ": no such readable file");
		}
	}

	/** Loads the env file for the settings; an unreadable one is left to the env-file check to report. */
	static EnvFile envFileOrNull(Path file) {
		if (file == null || !Files.isReadable(file)) {
			return null;
		}
		try {
			return EnvFile.read(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
