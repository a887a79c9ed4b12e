package dev.spendaudit.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spendaudit.core.Severity;

/**
 * Each finding's state across nights, from the findings stored for the days around it. The same event is the
 * same kind from the same source about an overlapping subject. A finding is CONTINUING when the day before had the
 * same event (and keeps its id), PLANNED inside a planned window, else NEW. A WATCH or ALERT of the day before
 * that is gone today is reported once as RESOLVED (INFO); a resolved finding does not resolve again, and an INFO
 * one ends without a word. On a rerun of a past day, the later days already stored say how long the run lasted.
 * When the source could not be read that night, its findings of the day before that are gone today are held
 * (CONTINUING, severity kept, the reason saying they were not checked): nothing that was not read ends.
 */
final class FindingMemory {

	private final LocalDate day;

	private final String source;

	/** Said after a held finding's reason: its gateway could not be read, so it was not checked that night. */
	static final String HELD = " (not checked: its gateway could not be read)";

	private final List<PastFinding> yesterday;

	private final boolean unread;

	/** Kind and subject of each later day's findings, by day. */
	private final Map<LocalDate, Set<String>> later = new HashMap<>();

	/** Yesterday's findings by kind and each subject they spoke for: the position of the first. */
	private final Map<String, Integer> yesterdayIndex = new HashMap<>();

	/**
	 * @param yesterday the findings stored for the day before, in their order
	 * @param later the findings stored for later days (when a past day is rerun)
	 */
	FindingMemory(LocalDate day, String source, List<PastFinding> yesterday, List<PastFinding> later) {
		this(day, source, yesterday, later, false);
	}

	/** @param unread whether the source could not be read that night: yesterday's findings are held, not resolved */
	FindingMemory(LocalDate day, String source, List<PastFinding> yesterday, List<PastFinding> later,
			boolean unread) {
		this.day = day;
		this.unread = unread;
		this.source = source;
		this.yesterday = yesterday.stream().filter(p -> p.active() && p.source().equals(source)).toList();
		for (int i = 0; i < this.yesterday.size(); i++) {
			PastFinding p = this.yesterday.get(i);
			for (String subject : p.group()) {
				yesterdayIndex.putIfAbsent(key(p.kind(), subject), i);
			}
		}
		for (PastFinding p : later) {
			if (p.active() && p.source().equals(source)) {
				Set<String> keys = this.later.computeIfAbsent(p.day(), d -> new HashSet<>());
				p.group().forEach(s -> keys.add(key(p.kind(), s)));
			}
		}
	}

	/** Today's findings with their memory, then yesterday's WATCH and ALERT findings that are gone today. */
	List<Remembered> remember(List<Detected> today) {
		List<Remembered> result = new ArrayList<>(today.size());
		Set<String> seenToday = new HashSet<>();
		for (Detected d : today) {
			result.add(remember(d));
			d.group().forEach(s -> seenToday.add(key(d.kind(), s)));
		}
		for (PastFinding p : yesterday) {
			if (p.group().stream().anyMatch(s -> seenToday.contains(key(p.kind(), s)))) {
				continue;
			}
			if (unread) {
				result.add(held(p));
			}
			else if (p.severity() != Severity.INFO) {
				result.add(resolved(p));
			}
		}
		return result;
	}

	private Remembered remember(Detected d) {
		PastFinding before = before(d);
		if (d.planned() != null) {
			Detected.Planned w = d.planned();
			FindingState state = new FindingState(FindingState.PLANNED, w.from(), w.dayOf(day), w.length(), w.note());
			return new Remembered(d, state, before != null ? before.id() : idOf(d.kind(), d.subject(), source, w.from()),
					null);
		}
		LocalDate since = before != null ? before.since() : day;
		int dayOfRun = before != null ? before.dayOfRun() + 1 : 1;
		int after = daysAfter(d);
		FindingState state = new FindingState(before != null ? FindingState.CONTINUING : FindingState.NEW, since,
				dayOfRun, after > 0 ? dayOfRun + after : null, null);
		return new Remembered(d, state, before != null ? before.id() : idOf(d.kind(), d.subject(), source, since),
				null);
	}

	/** The first of yesterday's findings that was the same event, or null. */
	private PastFinding before(Detected d) {
		int first = Integer.MAX_VALUE;
		for (String subject : d.group()) {
			Integer i = yesterdayIndex.get(key(d.kind(), subject));
			if (i != null && i < first) {
				first = i;
			}
		}
		return first == Integer.MAX_VALUE ? null : yesterday.get(first);
	}

	/** Consecutive later days already stored with the same event. */
	private int daysAfter(Detected d) {
		int n = 0;
		for (LocalDate next = day.plusDays(1);; next = next.plusDays(1)) {
			Set<String> keys = later.get(next);
			if (keys == null || d.group().stream().noneMatch(s -> keys.contains(key(d.kind(), s)))) {
				return n;
			}
			n++;
		}
	}

	private Remembered resolved(PastFinding p) {
		int days = p.dayOfRun();
		String was = p.severity() + (days == 1 ? " on " + p.since() : " for " + days + " days from " + p.since());
		Map<String, Object> details = new LinkedHashMap<>(p.details());
		details.remove("state");
		details.remove("previousSeverity");
		Detected d = new Detected(p.kind(), Severity.INFO, p.subject(), null, null,
				"Resolved (" + was + ", not seen today): " + FindingState.withoutSuffix(p.reason()), details, p.group(),
				null);
		return new Remembered(d, new FindingState(FindingState.RESOLVED, p.since(), days, days, null), p.id(),
				p.severity());
	}

	/** Yesterday's finding carried on unchecked: same event, id and severity, one day further into its run. */
	private Remembered held(PastFinding p) {
		Map<String, Object> details = new LinkedHashMap<>(p.details());
		details.remove("state");
		String reason = FindingState.withoutSuffix(p.reason());
		if (!reason.endsWith(HELD)) {
			reason += HELD;
		}
		Detected d = new Detected(p.kind(), p.severity(), p.subject(), null, null, reason, details, p.group(), null);
		int dayOfRun = p.dayOfRun() + 1;
		return new Remembered(d, new FindingState(FindingState.CONTINUING, p.since(), dayOfRun, null, null), p.id(),
				null);
	}

	private static String key(String kind, String subject) {
		return kind + '\u0000' + subject;
	}

	/**
	 * The id of a run of a finding: the first 12 hex characters of the sha256 of
	 * {@code kind|subject|source|since} (the same as migration V7 gives the findings stored before ids existed).
	 */
	static String idOf(String kind, String subject, String source, LocalDate since) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((kind + "|" + subject + "|" + source + "|" + since).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
