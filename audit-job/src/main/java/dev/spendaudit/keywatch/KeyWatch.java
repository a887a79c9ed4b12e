package dev.spendaudit.keywatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.history.KeyHistory;
import dev.spendaudit.history.KeyTraffic;
import dev.spendaudit.source.CallerHints;
import dev.spendaudit.source.CallerWatch;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.ResolvedKey;
import dev.spendaudit.source.Workload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the keys being retired: who still calls them, and whether they have been quiet long enough to revoke.
 * Never revoke a key that still shows traffic: besides the spend log, the key's {@code last_active} and the
 * daily aggregates count as traffic, so a key is not called quiet while spend logging is off. The traffic counts,
 * models and the workload come from the history; the source is asked only about these keys: their key-table rows
 * and the caller hints in their rows. A key with a {@code source} is looked for on that gateway only; one without
 * on every gateway that could be read (one alias on two gateways is one key being retired).
 */
public class KeyWatch implements CallerWatch {

	private static final Logger log = LoggerFactory.getLogger(KeyWatch.class);

	private final List<LiteLlmSource> gateways;

	private final KeyHistory history;

	private final Map<String, CallerLookback> callers;

	private final KeyWatchStore store;

	private final List<RetiringKey> keys;

	/**
	 * @param gateways the gateways that could be read, in the configured order
	 * @param callers each gateway's caller lookback, by gateway name
	 */
	public KeyWatch(List<LiteLlmSource> gateways, KeyHistory history, Map<String, CallerLookback> callers,
			KeyWatchStore store, List<RetiringKey> keys) {
		this.gateways = List.copyOf(gateways);
		this.history = history;
		this.callers = Map.copyOf(callers);
		this.store = store;
		this.keys = keys;
	}

	public List<RetiringKeyReport> watch(AuditDay day) {
		List<RetiringKeyReport> reports = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			reports.add(report(i, keys.get(i), day));
		}
		store.replace(day.date(), reports);
		reports.forEach(r -> log.info("{}: retiring key {}: {} ({} requests in 24 h, last seen {})", day.date(),
				RetiringKey.display(r.key()), r.verdict(), Quantities.count(r.requests24h()),
				Quantities.zonedTime(r.lastSeen(), day.zone())));
		return reports;
	}

	/**
	 * Every retiring key's hashes as known before the day is read (the key tables, and the history's days for an
	 * alias or key name), so the day's read counts their callers; a hash first seen on the day itself is read on its
	 * own by {@link CallerLookback}.
	 */
	@Override
	public Set<String> hashes(AuditDay day) {
		Set<String> hashes = new TreeSet<>();
		for (RetiringKey key : keys) {
			hashes.addAll(hashes(resolve(key), key, day.date(), lookbackDays(key)));
		}
		return hashes;
	}

	/** The gateways a key is looked for on: its own, or every one that could be read. */
	private List<LiteLlmSource> gatewaysOf(RetiringKey key) {
		return gateways.stream().filter(g -> key.appliesTo(g.name())).toList();
	}

	/** The key as each of its gateways' key tables know it, as one: every hash, the newest {@code last_active}. */
	private ResolvedKey resolve(RetiringKey key) {
		String matchedBy = ResolvedKey.NONE;
		Set<String> hashes = new TreeSet<>();
		LocalDateTime lastActive = null;
		for (LiteLlmSource g : gatewaysOf(key)) {
			ResolvedKey r = g.resolveKey(key.key());
			matchedBy = ResolvedKey.NONE.equals(matchedBy) ? r.matchedBy() : matchedBy;
			hashes.addAll(r.hashes());
			lastActive = latest(lastActive, r.lastActive());
		}
		return new ResolvedKey(matchedBy, hashes, lastActive);
	}

	private RetiringKeyReport report(int order, RetiringKey key, AuditDay day) {
		LocalDateTime end = day.toUtc();
		int lookbackDays = lookbackDays(key);
		ResolvedKey resolved = resolve(key);
		Set<String> hashes = hashes(resolved, key, day.date(), lookbackDays);
		String matchedBy = resolved.matchedBy();
		if (ResolvedKey.NONE.equals(matchedBy) && !hashes.isEmpty()) {
			// known only by the name its requests were attributed to
			matchedBy = key.key().startsWith("sk-") && key.key().contains("...") ? ResolvedKey.KEY_NAME
					: ResolvedKey.ALIAS;
		}
		KeyTraffic traffic = history.traffic(hashes, day.date(), lookbackDays);
		List<LiteLlmSource> own = gatewaysOf(key);
		LocalDateTime lastSeen = traffic.lastSeen();
		if (!traffic.lastSeenKnown()) {
			lastSeen = null;
			for (LiteLlmSource g : own) {
				lastSeen = latest(lastSeen, g.newestRowOf(hashes, end.minusDays(lookbackDays), end));
			}
		}
		List<CallerHints> hintParts = new ArrayList<>();
		if (traffic.requests() > 0) {
			for (LiteLlmSource g : own) {
				hintParts.add(callers.get(g.name()).hints(hashes, day, Math.max(7, lookbackDays)));
			}
		}
		CallerHints hints = hintParts.isEmpty() ? CallerHints.NONE : CallerHints.merge(hintParts, CallerHints.TOP);
		LocalDateTime lastActive = resolved.lastActive() != null && resolved.lastActive().isBefore(end)
				? resolved.lastActive() : null;
		LocalDate lastDaily = null;
		for (LiteLlmSource g : own) {
			LocalDate d = g.lastAggregateDate(hashes, end.minusNanos(1).toLocalDate());
			lastDaily = lastDaily == null || (d != null && d.isAfter(lastDaily)) ? d : lastDaily;
		}
		LocalDateTime latestSign = latest(lastSeen, lastActive,
				lastDaily == null ? null : min(lastDaily.plusDays(1).atStartOfDay(), end));
		boolean found = !hashes.isEmpty();
		Verdict verdict = Verdict.of(found, traffic.requestsOnDay(), latestSign, end, key.quietDays());
		return new RetiringKeyReport(order, key.key(), found ? matchedBy : ResolvedKey.NONE,
				workload(hashes, own, day.date(), end, lookbackDays), List.copyOf(hashes), lastSeen, lastActive,
				lastDaily, latestSign, traffic.requestsOnDay(), traffic.requests7d(), traffic.usd7d(), key.quietDays(),
				latestSign == null ? null : hours(Duration.between(latestSign, end)), verdict, key.note(),
				key.deadline(), traffic.models(), new RetiringKeyReport.Callers(hints.requesterIps(),
						hints.endUsers(), hints.users(), hints.tags(), hints.spendLogsMetadata()));
	}

	/**
	 * The setting's key hashes: from LiteLLM's key tables, plus, for an alias or key name, the hashes the history
	 * attributed to that workload lately (keys known only by the alias their requests carried).
	 */
	private Set<String> hashes(ResolvedKey resolved, RetiringKey key, LocalDate date, int lookbackDays) {
		Set<String> hashes = new TreeSet<>(resolved.hashes());
		if (!ResolvedKey.TOKEN_HASH.equals(resolved.matchedBy())) {
			hashes.addAll(history.keysOfWorkload(key.key(), key.source(), date.minusDays(lookbackDays), date));
		}
		return hashes;
	}

	/** The workload the history attributed the hashes to; the key tables for hashes it has not seen lately. */
	private String workload(Set<String> hashes, List<LiteLlmSource> own, LocalDate date, LocalDateTime end,
			int lookbackDays) {
		if (hashes.isEmpty()) {
			return null;
		}
		Map<String, Workload> workloads = new HashMap<>(
				history.workloads(hashes, date.minusDays(lookbackDays), date));
		Set<String> unseen = new TreeSet<>(hashes);
		unseen.removeAll(workloads.keySet());
		for (LiteLlmSource g : own) {
			if (!unseen.isEmpty()) {
				Map<String, Workload> found = g.workloads(unseen, end.minusDays(lookbackDays), end);
				workloads.putAll(found);
				unseen.removeAll(found.keySet());
			}
		}
		return workloads.values()
			.stream()
			.min(Comparator.comparing((Workload w) -> w.attribution().ordinal()).thenComparing(Workload::name))
			.map(Workload::name)
			.orElse(null);
	}

	/** Far enough back to see the key's last row when it has been quiet for up to {@code quiet-days}. */
	static int lookbackDays(RetiringKey key) {
		return lookbackDays(key.quietDays());
	}

	static int lookbackDays(int quietDays) {
		return Math.max(7, quietDays + 1);
	}

	static BigDecimal hours(Duration d) {
		return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_UP);
	}

	private static LocalDateTime latest(LocalDateTime... times) {
		LocalDateTime latest = null;
		for (LocalDateTime t : times) {
			if (t != null && (latest == null || t.isAfter(latest))) {
				latest = t;
			}
		}
		return latest;
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

}
