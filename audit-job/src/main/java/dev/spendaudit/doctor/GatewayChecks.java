package dev.spendaudit.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway's live process against its config file, on what decides whether spend is logged at all, and where:
 * which database the process writes (and whether it is the one spend-audit reads), the {@code os.environ/}
 * indirections that point at nothing, and, in {@link GatewayLoggingChecks}, the logging switches. Config files
 * lie; the running process does not.
 */
public final class GatewayChecks {

	private static final Pattern SECRET_VARIABLE = Pattern.compile("(?i).*(KEY|SECRET|PASSWORD|TOKEN|CREDENTIAL|"
			+ "DATABASE_URL|DIRECT_URL).*");

	private static final String ENV_FIX = "run doctor as root (sudo), or pass --gateway-env FILE with the output of"
			+ " 'docker exec CONTAINER env' (or of 'docker inspect CONTAINER')";

	/**
	 * What was given about the gateway.
	 *
	 * @param environmentError why the environment could not be read; null when it was read or not asked for
	 * @param configError why the config file could not be read; null when it was read or not given
	 */
	public record Inputs(GatewayEnvironment environment, String environmentError, GatewayConfig config,
			String configError) {

		boolean any() {
			return environment != null || environmentError != null || config != null || configError != null;
		}

	}

	private final Secrets secrets;

	private final Duration warnAge;

	private final int historyDays;

	/**
	 * @param warnAge how old the newest spend-log row may be and still count as "the process logs"
	 * @param historyDays how many days back the audit reads on its first night (baselines and drift)
	 */
	public GatewayChecks(Secrets secrets, Duration warnAge, int historyDays) {
		this.secrets = secrets;
		this.warnAge = warnAge;
		this.historyDays = historyDays;
	}

	public List<Check> run(Inputs inputs, SourceChecks.Result source) {
		List<Check> checks = new ArrayList<>();
		if (!inputs.any()) {
			return checks;
		}
		GatewaySettings gateway = new GatewaySettings(inputs.environment(), inputs.config());
		gateway.variables().forEach((name, value) -> {
			if (value != null && SECRET_VARIABLE.matcher(name).matches()) {
				secrets.mask(value);
			}
		});
		checks.add(environment(inputs));
		checks.add(config(inputs));
		PostgresTarget writes = database(gateway, checks);
		boolean sameDatabase = writes != null && sameDatabase(writes, source, checks);
		Duration evidence = sameDatabase ? source.newestRowAge() : null;
		checks.addAll(new GatewayLoggingChecks(warnAge, historyDays).run(gateway, evidence, writes != null));
		if (gateway.knowsEnvironment() && inputs.config() != null) {
			checks.add(references(gateway, inputs.config()));
		}
		return checks;
	}

	private static Check environment(Inputs inputs) {
		if (inputs.environmentError() != null) {
			return Check.warn("gateway.environment", inputs.environmentError(), ENV_FIX);
		}
		if (inputs.environment() == null) {
			return Check.warn("gateway.environment", "only the gateway's config file was given: it says what the"
					+ " process was meant to run with, not what it runs with", "add --gateway-pid PID (or"
							+ " --gateway-env FILE) so the live environment is compared too");
		}
		GatewayEnvironment env = inputs.environment();
		return Check.ok("gateway.environment", "read " + env.variables().size() + " variables from " + env.source()
				+ (env.configPath() == null ? "" : "; the process was started with config " + env.configPath()));
	}

	private static Check config(Inputs inputs) {
		GatewayEnvironment env = inputs.environment();
		if (inputs.configError() != null) {
			return Check.warn("gateway.config", inputs.configError(), "pass the file the gateway was started with as"
					+ " --gateway-config FILE (from a container: docker cp CONTAINER:/app/config.yaml .)");
		}
		if (inputs.config() == null) {
			String started = env != null && env.configPath() != null ? "the process was started with "
					+ env.configPath() + ", which was not given" : "no config file was given";
			return Check.warn("gateway.config", started + ": general_settings cannot be compared",
					"pass it as --gateway-config FILE (from a container: docker cp CONTAINER:PATH .)");
		}
		GatewayConfig config = inputs.config();
		String keys = config.generalSettings().isEmpty() ? "no general_settings"
				: "general_settings sets " + String.join(", ", config.generalSettings().keySet());
		if (env != null && env.configPath() != null && !sameFileName(env.configPath(), config.source())) {
			return Check.warn("gateway.config", "read " + config.source() + " (" + keys + "), but the process was"
					+ " started with " + env.configPath() + ": what it runs with may differ",
					"compare with the file the process uses (docker cp CONTAINER:" + env.configPath() + " .)");
		}
		return Check.ok("gateway.config", "read " + config.source() + ": " + keys);
	}

	/** Which database the process writes its spend to (null when it has none or that is unknown). */
	private PostgresTarget database(GatewaySettings gateway, List<Check> checks) {
		GatewaySettings.Value yaml = gateway.general("database_url");
		String fromYaml = yaml != null && yaml.known() ? yaml.resolved() : null;
		String fromEnv = gateway.knowsEnvironment() ? gateway.environmentDatabaseUrl() : null;
		PostgresTarget yamlTarget = PostgresTarget.parse(fromYaml);
		PostgresTarget envTarget = PostgresTarget.parse(fromEnv);
		String name = "gateway.database";
		if (yamlTarget != null && envTarget != null && !yamlTarget.same(envTarget)) {
			checks.add(Check.warn(name, "general_settings.database_url (" + yamlTarget + ") and the process's"
					+ " DATABASE_URL (" + envTarget + ") disagree. The YAML wins: at start-up LiteLLM copies"
					+ " general_settings.database_url into DATABASE_URL, so the process writes to " + yamlTarget
					+ " (its environment still shows the value it was started with)",
					"make both name the same database, or drop one of them"));
			return yamlTarget;
		}
		if (yamlTarget != null) {
			checks.add(Check.ok(name, "the process writes to " + yamlTarget + " (general_settings.database_url"
					+ (envTarget != null ? ", and DATABASE_URL agrees)" : ")")));
			return yamlTarget;
		}
		if (envTarget != null) {
			if (yaml != null && yaml.raw() == null) {
				checks.add(Check.warn(name, "the YAML says database_url: null, which reads as 'no database', but the"
						+ " process has DATABASE_URL (" + envTarget + "). The environment wins: LiteLLM uses"
						+ " DATABASE_URL when database_url is null, so the process logs spend to " + envTarget,
						"write what is meant into the YAML (database_url: os.environ/DATABASE_URL) so it stops"
								+ " misleading readers"));
			}
			else {
				checks.add(Check.ok(name, "the process writes to " + envTarget + " (DATABASE_URL"
						+ (yaml == null ? "; the YAML sets no database_url)" : ")")));
			}
			return envTarget;
		}
		if (gateway.knowsEnvironment()) {
			String yamlSays = yaml == null ? "the YAML sets no database_url"
					: yaml.raw() == null ? "the YAML says database_url: null"
							: "general_settings.database_url reads " + yaml.raw() + ", which is unset";
			checks.add(Check.fail(name, "the process has no DATABASE_URL and " + yamlSays + ": LiteLLM runs without a"
					+ " database and logs no spend at all", "give the gateway DATABASE_URL (its unit or container"
							+ " environment) and restart it"));
		}
		else if (yaml != null) {
			checks.add(Check.warn(name, "the YAML alone " + (yaml.raw() == null ? "names no database (database_url:"
					+ " null)" : "reads database_url from " + yaml.raw()) + "; what the process uses is unknown",
					"add --gateway-pid PID or --gateway-env FILE"));
		}
		return null;
	}

	private static boolean sameDatabase(PostgresTarget writes, SourceChecks.Result source, List<Check> checks) {
		PostgresTarget reads = source == null ? null : source.target();
		if (reads == null) {
			return false;
		}
		String name = "gateway.same-database";
		if (writes.same(reads)) {
			checks.add(Check.ok(name, "the gateway writes the database spend-audit reads (" + reads + ")"));
			return true;
		}
		boolean sameNames = java.util.Objects.equals(writes.database(), reads.database())
				&& writes.schema().equals(reads.schema());
		if (!sameNames) {
			checks.add(Check.fail(name, "the gateway writes to " + writes + " but spend-audit reads " + reads
					+ ": the audit sees none of the gateway's traffic", "point spend-audit.source.url at the"
							+ " gateway's database (host, port and database of its DATABASE_URL)"));
			return false;
		}
		boolean fresh = source.newestRowAge() != null && source.newestRowAge().toHours() < 24;
		checks.add(Check.warn(name, "the gateway writes to " + writes + " and spend-audit reads " + reads
				+ ": the same database name, reached by another host or port" + (fresh
						? "; the source's rows are fresh, so it is likely one server under two names (a Docker network)"
						: ""), "make sure both are one server: SELECT system_identifier FROM pg_control_system()"
								+ " must print the same number on both"));
		return fresh;
	}

	private static Check references(GatewaySettings gateway, GatewayConfig config) {
		Set<String> set = gateway.variables().keySet();
		List<String> missing = config.references()
			.stream()
			.filter(r -> !set.contains(r.variable()))
			.map(r -> r.path() + " → " + r.variable())
			.distinct()
			.toList();
		if (missing.isEmpty()) {
			return Check.ok("gateway.env-refs", config.references().isEmpty() ? "the YAML reads nothing from the"
					+ " environment" : "all " + config.references().size() + " os.environ/ references resolve");
		}
		return Check.warn("gateway.env-refs", missing.size() + " os.environ/ references point at variables the"
				+ " process does not have: " + DoctorFormat.some(missing, 4) + " (LiteLLM reads them as empty)",
				"set them in the gateway's environment, or fix the names in the YAML");
	}

	private static boolean sameFileName(String a, String b) {
		return Path.of(a).getFileName().toString().toLowerCase(Locale.ROOT)
			.equals(Path.of(b).getFileName().toString().toLowerCase(Locale.ROOT));
	}

}
