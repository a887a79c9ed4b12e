package dev.spendaudit.health;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one audited day that the textfile shows, read back from the day's JSON document
 * ({@code digest-YYYY-MM-DD.json}, the stable contract).
 *
 * @param dayStart the day's first instant in its zone
 * @param status OK, WATCH or ALERT
 * @param meteredUsd the day's metered spend
 * @param totalUsd metered plus flat fees (the metered spend for a document without {@code totalUsd})
 * @param findings how many findings of each kind and severity, folded ones included
 * @param newestRow the newest spend-log row when the job ran; null when the log has none
 * @param spendLogAgeSeconds its age when the job ran; infinite when the log has no row
 */
public record DayFigures(LocalDate date, Instant dayStart, String status, BigDecimal meteredUsd, BigDecimal totalUsd,
		Map<KindAndSeverity, Long> findings, Instant newestRow, double spendLogAgeSeconds) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern FILE = Pattern.compile("digest-(\\d{4}-\\d{2}-\\d{2})\\.json");

	/** A finding's kind and severity: the labels of {@code spend_audit_findings}. */
	public record KindAndSeverity(String kind, String severity) implements Comparable<KindAndSeverity> {

		@Override
		public int compareTo(KindAndSeverity other) {
			int byKind = kind.compareTo(other.kind);
			return byKind != 0 ? byKind : severity.compareTo(other.severity);
		}

	}

	/** The newest day whose JSON is in {@code dir}: the last audited day. Empty when there is none yet. */
	public static Optional<DayFigures> newest(Path dir) {
		if (dir == null || !Files.isDirectory(dir)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> FILE.matcher(p.getFileName().toString()))
				.filter(Matcher::matches)
				.map(m -> m.group(1))
				.max(String::compareTo)
				.map(day -> read(dir.resolve("digest-" + day + ".json")));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** Reads one day's JSON document. */
	public static DayFigures read(Path json) {
		JsonNode d = JSON.readTree(json.toFile());
		LocalDate date = LocalDate.parse(d.get("date").asString());
		ZoneId zone = ZoneId.of(d.path("zone").asString("UTC"));
		BigDecimal metered = d.get("metered").get("usd").decimalValue();
		BigDecimal total = d.hasNonNull("totalUsd") ? d.get("totalUsd").decimalValue() : metered;
		Instant newest = newestRowAtRun(d);
		double age = newest == null ? Double.POSITIVE_INFINITY : ageSeconds(d, newest);
		return new DayFigures(date, date.atStartOfDay(zone).toInstant(), d.get("status").asString(), metered, total,
				findings(d), newest, age);
	}

	private static Map<KindAndSeverity, Long> findings(JsonNode d) {
		Map<KindAndSeverity, Long> counts = new TreeMap<>();
		for (JsonNode f : d.path("findings")) {
			counts.merge(new KindAndSeverity(f.get("kind").asString(), f.get("severity").asString()), 1L, Long::sum);
		}
		// beyond the largest of a kind, the document lists the rest by count
		for (JsonNode folded : d.path("findingsFolded")) {
			counts.merge(new KindAndSeverity(folded.get("kind").asString(), folded.get("severity").asString()),
					folded.path("count").asLong(0), Long::sum);
		}
		return counts;
	}

	private static Instant newestRowAtRun(JsonNode d) {
		JsonNode freshness = d.path("freshness");
		String text = freshness.hasNonNull("newestRowAtRun") ? freshness.get("newestRowAtRun").asString()
				: d.hasNonNull("newestRow") ? d.get("newestRow").asString() : null;
		try {
			return text == null ? null : Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static double ageSeconds(JsonNode d, Instant newest) {
		JsonNode freshness = d.path("freshness");
		// checkedAt is when the run looked; ageHoursAtRun says the same, rounded to hundredths of an hour
		String at = freshness.hasNonNull("checkedAt") ? freshness.get("checkedAt").asString()
				: freshness.hasNonNull("ageHoursAtRun") ? null : d.get("generatedAt").asString();
		if (at == null) {
			return freshness.get("ageHoursAtRun").decimalValue().doubleValue() * 3600;
		}
		return Math.max(0, Instant.parse(at).toEpochMilli() - newest.toEpochMilli()) / 1000.0;
	}

}
