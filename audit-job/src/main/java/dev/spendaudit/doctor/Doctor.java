package dev.spendaudit.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs every check in the order a set-up is built (settings, source, store, mail, files, gateway) and collects
 * one report. Nothing here throws for a broken set-up: each problem is a line.
 */
public final class Doctor {

	private final Secrets secrets;

	public Doctor(Secrets secrets) {
		this.secrets = secrets;
	}

	public Report examine(DoctorInputs in) {
		List<Check> checks = new ArrayList<>();
		checks.addAll(configuration(in));
		SourceChecks.Result source = null;
		if (in.source() == null) {
			checks.add(Check.fail("source.connection", "spend-audit.source.url is not set: the run would audit the"
					+ " built-in demo database", "set SPEND_AUDIT_SOURCE_URL, _USERNAME and _PASSWORD in the env file"
							+ " (or pass --demo to check the demo on purpose)"));
		}
		else {
			source = new SourceChecks(secrets, in.clock(), in.warnAge(), in.errorAge()).run(in.source());
			checks.addAll(source.checks());
			checks.addAll(new StoreChecks(secrets, in.clock(), in.zone()).run(in.store(), in.storeSchema(),
					in.store().equals(in.source())));
		}
		checks.addAll(MailChecks.run(in.smtp(), in.mail(), in.sendTest()));
		FileChecks files = new FileChecks(in.unit(), in.currentUser());
		checks.add(files.out(in.out()));
		checks.add(files.textfile(in.textfileDir()));
		checks.add(files.envFile(in.envFile(), in.envFileNamedBy()));
		checks.addAll(new GatewayChecks(secrets, in.warnAge(), in.historyDays()).run(in.gateway(), source));
		// a secret that also appears elsewhere (a password equal to a user name) must not show there either
		List<Setting> settings = in.settings()
			.stream()
			.map(s -> new Setting(s.name(), secrets.scrub(s.value()), s.origin()))
			.toList();
		return new Report(in.clock().instant(), settings, checks.stream().map(c -> c.scrubbed(secrets)).toList());
	}

	private static List<Check> configuration(DoctorInputs in) {
		List<Check> checks = new ArrayList<>();
		if (in.configError() != null) {
			checks.add(Check.fail("config", in.configError(), "fix that setting where the line above says (the"
					+ " settings listed above show every value and where it came from)"));
		}
		else {
			String origins = in.settings()
				.stream()
				.collect(Collectors.groupingBy(s -> originKind(s.origin()), Collectors.counting()))
				.entrySet()
				.stream()
				.sorted(java.util.Map.Entry.comparingByKey())
				.map(e -> e.getValue() + " " + e.getKey())
				.collect(Collectors.joining(", "));
			checks.add(Check.ok("config", "settings valid: " + in.settings().size() + " in force (" + origins + ")"
					+ (in.demo() ? "; the source is the built-in demo database" : "")));
		}
		return checks;
	}

	private static String originKind(String origin) {
		if (origin.startsWith("default")) {
			return "defaults";
		}
		if (origin.startsWith("env file")) {
			return "from the env file";
		}
		if (origin.startsWith("environment variable")) {
			return "from environment variables";
		}
		if (origin.startsWith("built-in profile") || origin.startsWith("doctor --demo")) {
			return "from the demo";
		}
		return "from " + origin.replaceAll(":\\d+$", "");
	}

}
