package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.DisplayText;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.FindingFolding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the terminal shows for an audited day, read back from the day's JSON (the file is the contract): one line
 * of money and traffic, then the day's findings, worst first, folded like the digest.
 */
final class DaySummary {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DaySummary() {
	}

	static JsonNode read(Path json) {
		return JSON.readTree(json.toFile());
	}

	static String line(Path json) {
		JsonNode d = read(json);
		JsonNode m = d.get("metered");
		return String.format("%s  %s metered  %s requests (%s failed)  %s workloads  -> %s", d.get("date").asString(),
				usd(m.get("usd")), Quantities.count(m.get("requests").asLong()),
				Quantities.count(m.get("failedRequests").asLong()), Quantities.count(d.get("workloads").size()), json);
	}

	/**
	 * The day's findings: severity, kind, subject and reason, in the day's order, at most {@code maxPerKind} of one
	 * kind and one line for the rest of it.
	 */
	static void printFindings(Path json, int maxPerKind, PrintWriter out) {
		JsonNode d = read(json);
		List<JsonNode> findings = new ArrayList<>();
		d.get("findings").forEach(findings::add);
		FindingFolding.Result<JsonNode> shown = FindingFolding.fold(findings, maxPerKind,
				f -> f.get("kind").asString(), f -> Severity.valueOf(f.get("severity").asString()), DaySummary::money);
		Map<String, long[]> rest = new HashMap<>();
		Map<String, BigDecimal> restUsd = new HashMap<>();
		List<FindingFolding.Folded> folded = new ArrayList<>(shown.folded());
		JsonNode more = d.get("findingsFolded");
		if (more != null) {
			more.forEach(f -> folded.add(new FindingFolding.Folded(f.get("kind").asString(),
					Severity.valueOf(f.get("severity").asString()), f.get("count").asLong(), f.get("usd").decimalValue())));
		}
		for (FindingFolding.Folded f : folded) {
			rest.computeIfAbsent(f.kind(), k -> new long[1])[0] += f.count();
			restUsd.merge(f.kind(), f.usd(), BigDecimal::add);
		}
		Map<String, Integer> last = new HashMap<>();
		for (int i = 0; i < shown.kept().size(); i++) {
			last.put(shown.kept().get(i).get("kind").asString(), i);
		}
		for (int i = 0; i < shown.kept().size(); i++) {
			JsonNode f = shown.kept().get(i);
			String kind = f.get("kind").asString();
			out.printf("  [%s] %s · %s%s%n      %s%n", f.get("severity").asString(), kind,
					DisplayText.name(f.get("subject").asString()), acknowledged(f.get("acknowledged")),
					DisplayText.clean(f.get("reason").asString()));
			if (last.get(kind) == i && rest.containsKey(kind)) {
				long n = rest.get(kind)[0];
				out.printf("  and %s more %s finding%s, %s%n", Quantities.count(n), kind, n == 1 ? "" : "s",
						Quantities.usd(restUsd.get(kind)));
			}
		}
		out.flush();
	}

	/** {@code · acknowledged: NOTE (until D)} for an acknowledged finding's JSON mark, else nothing. */
	static String acknowledged(JsonNode ack) {
		if (ack == null || ack.isNull()) {
			return "";
		}
		JsonNode note = ack.get("note");
		JsonNode until = ack.get("until");
		return " · acknowledged" + (note == null || note.isNull() || note.asString().isBlank() ? "" : ": " + note.asString())
				+ (until == null || until.isNull() ? "" : " (until " + until.asString() + ")");
	}

	/** A JSON dollar figure, printed for people. */
	static String usd(JsonNode value) {
		return Quantities.usd(value.decimalValue());
	}

	/** A JSON time ({@code 2026-11-26T23:52:44.000Z}, UTC) in the day's {@code zone}, or {@code -} for none. */
	static String time(JsonNode iso, ZoneId zone) {
		if (iso == null || iso.isNull()) {
			return "-";
		}
		String text = iso.asString();
		return Quantities.time(LocalDateTime.parse(text.substring(0, text.length() - 1)), zone);
	}

	/** The zone of the day's JSON ({@code spend-audit.zone} when it ran). */
	static ZoneId zone(JsonNode digest) {
		return ZoneId.of(digest.get("zone").asString());
	}

	private static BigDecimal money(JsonNode finding) {
		JsonNode usd = finding.get("actualUsd");
		return usd == null || usd.isNull() ? null : usd.decimalValue();
	}

}
