package dev.spendaudit.keywatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spendaudit.history.KeyHistory;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.KeySpend;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.ResolvedKey;
import dev.spendaudit.source.TokenRow;
import dev.spendaudit.source.Team;
import dev.spendaudit.source.Workload;
import dev.spendaudit.source.WorkloadResolver;

/**
 * Every key seen in the last days, plus the key table's keys that were not: workload, how it was attributed,
 * traffic, and which keys have no alias, were never used, or are being retired.
 */
public class KeyInventory {

	private final LiteLlmSource source;

	private final KeyHistory history;

	private final List<RetiringKey> retiring;

	public KeyInventory(LiteLlmSource source, KeyHistory history, List<RetiringKey> retiring) {
		this.source = source;
		this.history = history;
		this.retiring = retiring;
	}

	/** The keys of the {@code days} days before {@code nowUtc}, most spend first. */
	public List<KeyRow> list(LocalDateTime nowUtc, int days) {
		LocalDateTime from = nowUtc.minusDays(days);
		Map<String, KeySpend> seen = new HashMap<>();
		source.loggedByKey(from, nowUtc).forEach(k -> seen.put(k.apiKey(), k));
		Map<String, TokenRow> tokens = new HashMap<>();
		source.tokens().forEach(t -> tokens.put(t.token(), t));
		Set<String> keys = new HashSet<>(seen.keySet());
		keys.addAll(tokens.keySet());
		Map<String, Workload> workloads = source.workloads(keys, from, nowUtc);
		Map<String, Team> teams = source.teams(keys);
		Set<String> retiringHashes = retiringHashes(nowUtc.toLocalDate(), days);
		List<KeyRow> rows = new ArrayList<>();
		for (String key : keys) {
			KeySpend spend = seen.get(key);
			TokenRow token = tokens.get(key);
			Workload workload = workloads.get(key);
			List<String> flags = new ArrayList<>();
			if (workload != null && !workload.attribution().isAliased()) {
				flags.add(KeyRow.NO_ALIAS);
			}
			if (spend == null && token != null) {
				flags.add(token.lastActive() == null ? KeyRow.NEVER_USED : KeyRow.IDLE);
			}
			if (retiringHashes.contains(key)) {
				flags.add(KeyRow.RETIRING);
			}
			boolean raw = !key.isEmpty() && !KeyHash.isTokenHash(key) && !WorkloadResolver.MASTER_KEY_LITERAL.equals(key);
			if (raw) {
				flags.add(KeyRow.RAW_KEY);
			}
			rows.add(new KeyRow(workload == null ? "" : workload.name(),
					workload == null ? "" : workload.attribution().name(), token == null ? null : token.keyName(),
					raw ? null : key,
					KeyHash.fingerprint(key), spend == null ? null : spend.lastSeen(),
					token == null ? null : token.lastActive(), spend == null ? 0 : spend.requests(),
					spend == null ? BigDecimal.ZERO : spend.usd().stripTrailingZeros(), List.copyOf(flags),
					teams.containsKey(key) ? teams.get(key).name() : Team.NO_TEAM,
					teams.containsKey(key) ? teams.get(key).teamId() : null));
		}
		rows.sort(Comparator.comparing(KeyRow::usd).reversed()
			.thenComparing(Comparator.comparingLong(KeyRow::requests).reversed())
			.thenComparing(KeyRow::workload)
			.thenComparing(KeyRow::fingerprint));
		return rows;
	}

	private Set<String> retiringHashes(LocalDate today, int days) {
		Set<String> hashes = new HashSet<>();
		for (RetiringKey k : retiring) {
			ResolvedKey resolved = source.resolveKey(k.key());
			hashes.addAll(resolved.hashes());
			if (!ResolvedKey.TOKEN_HASH.equals(resolved.matchedBy())) {
				hashes.addAll(history.keysOfWorkload(k.key(), today.minusDays(days), today));
			}
		}
		return hashes;
	}

}
