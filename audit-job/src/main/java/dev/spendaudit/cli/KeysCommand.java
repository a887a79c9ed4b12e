package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.DisplayText;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.keywatch.KeyInventory;
import dev.spendaudit.keywatch.KeyRow;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code keys}: every LiteLLM key seen in the last days, with its workload and traffic, and which keys have no
 * alias, were never used, or are being retired. A terminal table, or JSON or CSV for scripts.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
		description = { "List every key seen in the last N days, and the key table's unused keys:",
				"workload, team, attribution, last seen, requests, spend and flags (NO_ALIAS,",
				"NEVER_USED, IDLE, RETIRING, RAW_KEY). FINGERPRINT matches what 'fingerprint'",
				"prints; a raw key found in the log instead of its hash is never shown." })
class KeysCommand implements Callable<Integer> {

	static final List<String> FORMATS = List.of("table", "json", "csv");


	@Option(names = "--days", paramLabel = "N", defaultValue = "30",
			description = "how many days back to look (default: ${DEFAULT-VALUE})")
	int days;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table, json or csv (default: ${DEFAULT-VALUE})")
	String format;

	@Mixin
	ConfigOption config;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		OptionChecks.days(spec, days);
		OptionChecks.format(spec, format, FORMATS);
		// the output is the list alone, fit for a pipe: logging stays quiet (failures still print one line)
		try (ConfigurableApplicationContext context = AuditContext.start(config.checked(),
				Map.of("logging.level.root", "OFF", "logging.level.dev.spendaudit", "OFF", "logging.level.io.zonky",
						"OFF"))) {
			LocalDateTime now = LocalDateTime.now(context.getBean(Clock.class).withZone(ZoneOffset.UTC));
			List<KeyRow> rows = context.getBean(KeyInventory.class).list(now, days);
			PrintWriter out = spec.commandLine().getOut();
			switch (format) {
				case "json" -> out.println(json().writeValueAsString(rows.stream().map(KeyJson::of).toList()));
				case "csv" -> csv(rows, out);
				default -> table(rows, now, context.getBean(CoreSettings.class).zone(), out);
			}
			out.flush();
			return 0;
		}
	}

	/**
	 * Built when JSON is asked for, not when the class loads: picocli makes every command to print {@code --help},
	 * and a mapper costs about a second of start-up.
	 */
	private static JsonMapper json() {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	private void table(List<KeyRow> rows, LocalDateTime now, ZoneId zone, PrintWriter out) {
		out.printf("Keys seen in the %d days to %s: %d keys, %d without an alias, %d never used, %d retiring%n%n",
				days, Quantities.zonedTime(now, zone), rows.size(), count(rows, KeyRow.NO_ALIAS),
				count(rows, KeyRow.NEVER_USED), count(rows, KeyRow.RETIRING));
		out.printf("%-26s %-16s %-13s %-12s  %-11s %-16s %9s %10s  %s%n", "WORKLOAD", "TEAM", "ATTRIBUTION",
				"FINGERPRINT", "KEY NAME", "LAST SEEN", "REQUESTS", "USD", "FLAGS");
		for (KeyRow r : rows) {
			// the table is for eyes: an alias is cut to the column, its control and bidi characters neutralised
			out.printf("%-26s %-16s %-13s %-12s  %-11s %-16s %9s %10s  %s%n", DisplayText.fit(r.workload(), 26),
					DisplayText.fit(r.team(), 16), r.attribution(),
					r.fingerprint().length() > 12 ? r.fingerprint().substring(0, 11) + "…" : r.fingerprint(),
					r.keyName() == null ? "" : DisplayText.fit(r.keyName(), 11), Quantities.time(r.lastSeen(), zone),
					Quantities.count(r.requests()), Quantities.usd(r.usd()), String.join(" ", r.flags()));
		}
	}

	private static void csv(List<KeyRow> rows, PrintWriter out) {
		// the team's columns come last: scripts that read the columns by position keep working
		out.println("workload,attribution,key_name,token_hash,fingerprint,last_seen,last_active,requests,usd,flags,"
				+ "team,team_id");
		for (KeyRow r : rows) {
			List<String> cells = new ArrayList<>(List.of(r.workload(), r.attribution(), nullToEmpty(r.keyName()),
					nullToEmpty(r.tokenHash()), r.fingerprint(), nullToEmpty(UtcTimes.iso(r.lastSeen())),
					nullToEmpty(UtcTimes.iso(r.lastActive())), String.valueOf(r.requests()), r.usd().toPlainString(),
					String.join(" ", r.flags()), r.team(), nullToEmpty(r.teamId())));
			out.println(String.join(",", cells.stream().map(KeysCommand::csvCell).toList()));
		}
	}

	/** RFC 4180: quote a cell holding a comma, a quote or a line break, doubling its quotes. */
	static String csvCell(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	private static long count(List<KeyRow> rows, String flag) {
		return rows.stream().filter(r -> r.flags().contains(flag)).count();
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	/** One key in {@code keys --format json}. */
	@JsonPropertyOrder({ "workload", "attribution", "keyName", "tokenHash", "fingerprint", "lastSeen", "lastActive",
			"requests", "usd", "flags", "team", "teamId" })
	record KeyJson(String workload, String attribution, String keyName, String tokenHash, String fingerprint,
			String lastSeen, String lastActive, long requests, BigDecimal usd, List<String> flags, String team,
			String teamId) {

		static KeyJson of(KeyRow r) {
			return new KeyJson(r.workload(), r.attribution(), r.keyName(), r.tokenHash(), r.fingerprint(),
					UtcTimes.iso(r.lastSeen()), UtcTimes.iso(r.lastActive()), r.requests(), r.usd(), r.flags(),
					r.team(), r.teamId());
		}

	}

}
