package dev.spendaudit.doctor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.spendaudit.source.Attribution;
import dev.spendaudit.source.SourceCapabilities;
import dev.spendaudit.source.SourceInspection;
import dev.spendaudit.source.SourceUnavailableException;
import org.jooq.exception.DataAccessException;

/**
 * The LiteLLM database as the nightly run will find it: reachable, LiteLLM's tables and which attribution rules
 * they allow, the {@code "startTime"} index every night depends on, size, layout (partitions, a legacy table
 * holding history the partitioned one lacks), whether the role could write, and how old the newest row is.
 */
public final class SourceChecks {

	private static final String ROLE_SQL = "deploy/create-readonly-role.sql";

	private final Secrets secrets;

	private final Clock clock;

	private final Duration warnAge;

	private final Duration errorAge;

	public SourceChecks(Secrets secrets, Clock clock, Duration warnAge, Duration errorAge) {
		this.secrets = secrets;
		this.clock = clock;
		this.warnAge = warnAge;
		this.errorAge = errorAge;
	}

	/**
	 * What was found, for the checks that compare with the source (the gateway's).
	 *
	 * @param newestRowAge null when the source could not be read or its log is empty
	 */
	public record Result(List<Check> checks, PostgresTarget target, Duration newestRowAge, boolean reachable) {
	}

	public Result run(DatabaseLogin login) {
		List<Check> checks = new ArrayList<>();
		PostgresTarget target = PostgresTarget.parse(login.url());
		try (Connection connection = login.open()) {
			SourceInspection source = new SourceInspection(connection);
			SourceInspection.Session session = source.session();
			checks.add(Check.ok("source.connection", login.describe(secrets) + ": PostgreSQL "
					+ session.serverVersion() + ", database " + session.database() + ", schema " + session.schema()));
			if (!schema(source, checks)) {
				return new Result(checks, target, null, true);
			}
			SourceInspection.Layout layout = source.layout();
			checks.add(index(source.spendLogIndexes(), layout.partitioned()));
			checks.add(size(source.spendLogSize(), layout));
			checks.add(SourceLayoutCheck.of(layout));
			checks.add(role(session, source.writableTables()));
			LocalDateTime newest = source.newestRow();
			Duration age = newest == null ? null
					: Duration.between(newest, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
			checks.add(freshness(newest, age));
			return new Result(checks, target, age, true);
		}
		catch (SQLException ex) {
			checks.add(Check.fail("source.connection", "cannot connect to " + login.describe(secrets) + ": "
					+ DatabaseLogin.reason(ex), "check spend-audit.source.url, username and password (SPEND_AUDIT_SOURCE_*"
							+ " in the env file) and that the server accepts this host (pg_hba.conf)"));
		}
		catch (DataAccessException ex) {
			checks.add(Check.fail("source.inspect", "reading the catalogue failed: " + firstLine(ex),
					"grant the role USAGE on the schema and SELECT on LiteLLM's tables (" + ROLE_SQL + ")"));
		}
		return new Result(checks, target, null, false);
	}

	private boolean schema(SourceInspection source, List<Check> checks) {
		SourceCapabilities capabilities;
		try {
			capabilities = source.capabilities();
		}
		catch (SourceUnavailableException ex) {
			checks.add(Check.fail("source.schema", ex.getMessage(), "point spend-audit.source.url at the LiteLLM"
					+ " proxy's own database (its DATABASE_URL), and grant the role SELECT there (" + ROLE_SQL + ")"));
			return false;
		}
		List<Attribution> rules = capabilities.attributionRules();
		String on = rules.stream().map(Enum::name).collect(Collectors.joining(", "));
		List<SourceCapabilities.Limitation> limits = capabilities.limitations();
		String detail = "LiteLLM's tables found; attribution rules on: " + on + (limits.isEmpty() ? ""
				: "; " + limits.stream().map(SourceCapabilities.Limitation::message).collect(Collectors.joining("; ")));
		if (limits.stream().anyMatch(SourceCapabilities.Limitation::serious)) {
			checks.add(Check.warn("source.schema", detail, "grant the role SELECT on \"LiteLLM_VerificationToken\" ("
					+ ROLE_SQL + "): without it no key's current alias names its workload"));
		}
		else {
			checks.add(Check.ok("source.schema", detail));
		}
		return true;
	}

	private static Check index(List<SourceInspection.Index> indexes, boolean partitioned) {
		String byKey = indexes.stream().anyMatch(i -> i.columns().size() >= 2 && i.columns().get(0).equals("api_key")
				&& i.columns().get(1).equals("startTime")) ? "present"
						: "absent (LiteLLM adds it from mid-2026; the audit does not need it)";
		return indexes.stream()
			.filter(i -> i.leadsWith("startTime"))
			.findFirst()
			.map(i -> Check.ok("source.index", "\"" + i.name() + "\" leads with \"startTime\": each night reads one"
					+ " range of the spend log; LiteLLM's (api_key, \"startTime\") index: " + byKey))
			.orElseGet(() -> Check.fail("source.index", "no index on \"LiteLLM_SpendLogs\" leads with \"startTime\":"
					+ " every night would scan the whole table",
					"as the table's owner: CREATE INDEX " + (partitioned ? "" : "CONCURRENTLY ")
							+ "\"LiteLLM_SpendLogs_startTime_idx\" ON \"LiteLLM_SpendLogs\" (\"startTime\");"
							+ " (LiteLLM's own migrations create it; it was dropped or never applied)"));
	}

	private static Check size(SourceInspection.Size size, SourceInspection.Layout layout) {
		String rows = size.estimatedRows() < 0 ? "row count unknown (never analysed: ANALYZE \"LiteLLM_SpendLogs\")"
				: "about " + DoctorFormat.count(size.estimatedRows()) + " rows (planner estimate)";
		return Check.ok("source.size", "\"LiteLLM_SpendLogs\": " + DoctorFormat.bytes(size.bytes())
				+ (layout.partitioned() ? " over " + layout.partitions() + " partitions" : "") + ", " + rows);
	}

	private static Check role(SourceInspection.Session session, List<String> writable) {
		String fix = "connect as a role that may only read: " + ROLE_SQL + " creates spend_audit_ro (SELECT only);"
				+ " spend-audit never writes to LiteLLM's tables";
		if (session.superuser()) {
			return Check.warn("source.role", "role " + session.user() + " is a superuser: it can write to every"
					+ " LiteLLM table", fix);
		}
		if (!writable.isEmpty()) {
			return Check.warn("source.role", "role " + session.user() + " can write to " + writable.size()
					+ " LiteLLM tables (" + DoctorFormat.some(writable, 3) + ")", fix);
		}
		return Check.ok("source.role", "role " + session.user() + " can only read LiteLLM's tables");
	}

	private Check freshness(LocalDateTime newest, Duration age) {
		if (newest == null) {
			return Check.warn("source.freshness", "the spend log is empty: nothing to audit yet",
					"check that the gateway logs spend to this database (doctor --gateway-pid PID --gateway-config"
							+ " FILE compares its live settings with its config)");
		}
		String when = "newest row " + DoctorFormat.utc(newest) + ", " + DoctorFormat.age(age) + " ago";
		if (age.compareTo(warnAge) <= 0) {
			return Check.ok("source.freshness", when + ": the spend log is being written");
		}
		String limit = age.compareTo(errorAge) > 0 ? "spend-audit.freshness.error-age " + DoctorFormat.duration(errorAge)
				: "spend-audit.freshness.warn-age " + DoctorFormat.duration(warnAge);
		return Check.warn("source.freshness", when + ", more than " + limit + ": the gateway may have stopped"
				+ " logging (or had no traffic)", "check the gateway's disable_spend_logs and DATABASE_URL"
						+ " (doctor --gateway-pid PID --gateway-config FILE) and its log");
	}

	private static String firstLine(Exception ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return message.lines().findFirst().orElse(message);
	}

}
