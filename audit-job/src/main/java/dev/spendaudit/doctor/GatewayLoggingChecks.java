package dev.spendaudit.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's switches over its spend log, the YAML's word against the evidence: {@code disable_spend_logs} (and
 * {@code disable_spend_updates}) against the age of the newest row spend-audit reads, {@code disable_error_logs},
 * {@code store_prompts_in_spend_logs} against the {@code STORE_PROMPTS_IN_SPEND_LOGS} variable, and
 * {@code maximum_spend_logs_retention_period} against the history the audit reads.
 */
final class GatewayLoggingChecks {

	private static final Pattern RETENTION = Pattern.compile("(\\d+)\\s*(mo|[smhdw])");

	private final Duration warnAge;

	private final int historyDays;

	GatewayLoggingChecks(Duration warnAge, int historyDays) {
		this.warnAge = warnAge;
		this.historyDays = historyDays;
	}

	/**
	 * @param newestRowAge the age of the newest row in the database the gateway writes, null when unknown
	 * @param hasDatabase whether the process writes to some database at all
	 */
	List<Check> run(GatewaySettings gateway, Duration newestRowAge, boolean hasDatabase) {
		List<Check> checks = new ArrayList<>();
		if (gateway.config() != null) {
			checks.add(spendLogs(gateway, newestRowAge, hasDatabase));
			checks.add(errorLogs(gateway));
			checks.add(retention(gateway));
		}
		checks.add(prompts(gateway));
		return checks;
	}

	private Check spendLogs(GatewaySettings gateway, Duration age, boolean hasDatabase) {
		String name = "gateway.spend-logs";
		GatewaySettings.Value logs = gateway.general("disable_spend_logs");
		GatewaySettings.Value updates = gateway.general("disable_spend_updates");
		boolean off = logs != null && logs.isTrue() || updates != null && updates.isTrue();
		String switchSaid = updates != null && updates.isTrue() ? "disable_spend_updates: true"
				: "disable_spend_logs: " + (logs == null ? "unset (false)" : logs.resolved());
		boolean fresh = age != null && age.compareTo(warnAge) <= 0;
		String rows = age == null ? "" : "the newest spend-log row is " + DoctorFormat.age(age) + " old";
		if (off && fresh) {
			return Check.warn(name, "the YAML says " + switchSaid + ", yet " + rows + ": the process logs. The"
					+ " process wins: LiteLLM reads its config once, at start, so this process runs with another"
					+ " config (or started before the edit)", "find the config the process was started with"
							+ " (gateway.config) and make this file match it, or restart the gateway to apply it");
		}
		if (off) {
			return Check.warn(name, "the YAML says " + switchSaid + ": LiteLLM writes no spend-log rows, so"
					+ " spend-audit sees no requests" + (age == null ? "" : " (" + rows + ")")
					+ "; its daily aggregates keep counting, and the digest's freshness check says LOGGING_OFF",
					"set general_settings.disable_spend_logs: false and restart the gateway");
		}
		if (age != null && !fresh && hasDatabase) {
			return Check.warn(name, "the YAML leaves spend logs on (" + switchSaid + "), but " + rows + ": the"
					+ " process is not logging. The process wins: it runs with another config, cannot reach its"
					+ " database, or has had no traffic", "look in the gateway's log for database errors and the config"
							+ " it was started with; restart it");
		}
		return Check.ok(name, "spend logs on (" + switchSaid + ")" + (fresh ? " and " + rows + ": the process logs"
				: age == null ? "; no rows of the gateway's database to confirm it" : ""));
	}

	private static Check errorLogs(GatewaySettings gateway) {
		GatewaySettings.Value errors = gateway.general("disable_error_logs");
		if (errors != null && errors.isTrue()) {
			return Check.warn("gateway.error-logs", "disable_error_logs: true: failed requests leave no spend-log row,"
					+ " so every digest counts 0 failures", "remove disable_error_logs (default false) if failures"
							+ " should be counted, then restart the gateway");
		}
		return Check.ok("gateway.error-logs", "failed requests are logged (disable_error_logs: "
				+ (errors == null ? "unset" : errors.resolved()) + ")");
	}

	private static Check prompts(GatewaySettings gateway) {
		GatewaySettings.Value yaml = gateway.general("store_prompts_in_spend_logs");
		String env = gateway.knowsEnvironment() ? gateway.variables().get("STORE_PROMPTS_IN_SPEND_LOGS") : null;
		boolean yamlOn = yaml != null && yaml.isTrue();
		boolean envOn = env != null && "true".equals(env.strip().toLowerCase(Locale.ROOT));
		String said = "YAML store_prompts_in_spend_logs: " + (yaml == null ? "unset" : yaml.resolved())
				+ (gateway.knowsEnvironment() ? ", STORE_PROMPTS_IN_SPEND_LOGS: " + (env == null ? "unset" : env) : "");
		if (yamlOn != envOn && gateway.knowsEnvironment() && (yaml != null || env != null)) {
			return Check.warn("gateway.prompts", said + ": they disagree, and either one turns it on, so prompts and"
					+ " responses are stored in every spend-log row (rows grow large; spend-audit never reads them)",
					"make both say the same; leave both unset unless the log must keep request bodies");
		}
		return Check.ok("gateway.prompts", said + (yamlOn || envOn ? ": prompts and responses are stored"
				: ": request bodies are not stored"));
	}

	private Check retention(GatewaySettings gateway) {
		GatewaySettings.Value period = gateway.general("maximum_spend_logs_retention_period");
		if (period == null || period.resolved() == null) {
			return Check.ok("gateway.retention", "no spend-log retention: LiteLLM keeps every row");
		}
		Matcher m = RETENTION.matcher(period.resolved().strip().toLowerCase(Locale.ROOT));
		if (!m.matches()) {
			return Check.warn("gateway.retention", "maximum_spend_logs_retention_period: " + period.resolved()
					+ " is not a period LiteLLM reads (7d, 24h, 4w)", "write it as a number and a unit, e.g. 90d");
		}
		long n = Long.parseLong(m.group(1));
		Duration kept = switch (m.group(2)) {
			case "s" -> Duration.ofSeconds(n);
			case "m" -> Duration.ofMinutes(n);
			case "h" -> Duration.ofHours(n);
			case "w" -> Duration.ofDays(7 * n);
			case "mo" -> Duration.ofDays(30 * n);
			default -> Duration.ofDays(n);
		};
		if (kept.toDays() < historyDays) {
			return Check.warn("gateway.retention", "LiteLLM deletes spend-log rows older than " + period.resolved()
					+ ": the first night reads " + historyDays + " days of history, and a rerun of an older day finds"
					+ " nothing (days already audited stay in spend-audit's store)", "raise"
							+ " maximum_spend_logs_retention_period to at least " + historyDays + "d, or accept that"
							+ " older days cannot be rerun");
		}
		return Check.ok("gateway.retention", "LiteLLM keeps " + period.resolved() + " of spend logs: enough for the "
				+ historyDays + " days the audit reads back");
	}

}
