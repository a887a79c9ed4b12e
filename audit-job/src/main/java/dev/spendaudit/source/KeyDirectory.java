package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.litellm.tables.LitellmDeletedverificationtoken;
import dev.spendaudit.source.litellm.tables.LitellmDeprecatedverificationtoken;
import dev.spendaudit.source.litellm.tables.LitellmVerificationtoken;
import org.jooq.DSLContext;
import org.jooq.Record3;

import static dev.spendaudit.source.litellm.Tables.LITELLM_DELETEDVERIFICATIONTOKEN;
import static dev.spendaudit.source.litellm.Tables.LITELLM_DEPRECATEDVERIFICATIONTOKEN;
import static dev.spendaudit.source.litellm.Tables.LITELLM_VERIFICATIONTOKEN;

/**
 * Gathers what LiteLLM's key tables know about a set of key hashes: one query per table, keyed by hash, plus a
 * look into the request metadata only for the hashes no key table names ({@link RequestMetadata}).
 */
final class KeyDirectory {

	/** Rotation chains longer than this are cut: the grace-period map never gets that deep in practice. */
	private static final int MAX_ROTATION_HOPS = 8;

	private static final LitellmVerificationtoken T = LITELLM_VERIFICATIONTOKEN;

	private static final LitellmDeletedverificationtoken D = LITELLM_DELETEDVERIFICATIONTOKEN;

	private static final LitellmDeprecatedverificationtoken R = LITELLM_DEPRECATEDVERIFICATIONTOKEN;

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	KeyDirectory(DSLContext dsl, SourceCapabilities capabilities) {
		this.dsl = dsl;
		this.capabilities = capabilities;
	}

	/** The key tables' facts about each hash, with request-time aliases looked up in the day's rows. */
	Map<String, KeyFacts> facts(Collection<String> apiKeys, AuditDay day) {
		return lookup(apiKeys, day.fromUtc(), day.toUtc(), 0).facts();
	}

	/** As {@link #facts(Collection, AuditDay)}, with request-time aliases looked up in {@code [fromUtc, toUtc)}. */
	Map<String, KeyFacts> facts(Collection<String> apiKeys, LocalDateTime fromUtc, LocalDateTime toUtc) {
		return lookup(apiKeys, fromUtc, toUtc, 0).facts();
	}

	/**
	 * The key tables' facts, and what the rows of the hashes they do not name say in their metadata over
	 * {@code [fromUtc, toUtc)}: the newest request-time alias, how many rows were read, how many held non-object
	 * metadata and up to {@code samples} of those.
	 */
	Lookup lookup(Collection<String> apiKeys, LocalDateTime fromUtc, LocalDateTime toUtc, int samples) {
		return lookup(apiKeys, fromUtc, toUtc, samples,
				new RequestMetadata(dsl, capabilities, SourceCapabilities.SPEND_LOGS));
	}

	/** The same, with the request metadata read by {@code metadata} (from the legacy spend log, say). */
	Lookup lookup(Collection<String> apiKeys, LocalDateTime fromUtc, LocalDateTime toUtc, int samples,
			RequestMetadata metadata) {
		String[] keys = apiKeys.stream().filter(k -> !k.isEmpty()).distinct().toArray(String[]::new);
		Map<String, String[]> current = current(keys);
		Map<String, String[]> deleted = capabilities.hasDeletedTokens() ? deleted(keys) : Map.of();
		Map<String, String> rotated = capabilities.hasDeprecatedTokens() ? rotated(keys) : Map.of();
		Map<String, KeyFacts> facts = new HashMap<>();
		for (String key : apiKeys) {
			String[] cur = current.getOrDefault(key, new String[2]);
			String[] del = deleted.getOrDefault(key, new String[2]);
			facts.put(key, new KeyFacts(key, cur[0], cur[1], del[0], del[1], rotated.get(key), null));
		}
		String[] needRequestAlias = facts.values()
			.stream()
			.filter(f -> !f.hasTableAlias() && !f.apiKey().isEmpty())
			.map(KeyFacts::apiKey)
			.sorted()
			.toArray(String[]::new);
		RequestMetadata.Result read = metadata.read(needRequestAlias, fromUtc, toUtc, samples);
		read.aliases().forEach((key, alias) -> {
			KeyFacts f = facts.get(key);
			facts.put(key, new KeyFacts(key, f.currentAlias(), f.currentKeyName(), f.deletedAlias(),
					f.deletedKeyName(), f.rotatedAlias(), alias));
		});
		return new Lookup(facts, read.metadata(), read.samples(), read.teams());
	}

	/**
	 * @param metadata the rows whose metadata was read, and how many of them held no JSON object
	 * @param samples a few of those, oldest first
	 * @param logTeams the newest non-empty {@code team_id} of those rows, per hash
	 */
	record Lookup(Map<String, KeyFacts> facts, DayFacts.MetadataRead metadata, List<AnomalousRow> samples,
			Map<String, String> logTeams) {
	}

	/** hash → {alias, key_name} of live keys. */
	private Map<String, String[]> current(String[] keys) {
		if (!capabilities.hasTokens() || keys.length == 0) {
			return Map.of();
		}
		return toMap(dsl.select(T.TOKEN, T.KEY_ALIAS, T.KEY_NAME).from(T).where(KeySet.among(T.TOKEN, keys)).fetch());
	}

	/** hash → {alias, key_name} of the most recently deleted key with that hash. */
	private Map<String, String[]> deleted(String[] keys) {
		if (keys.length == 0) {
			return Map.of();
		}
		return toMap(dsl.select(D.TOKEN, D.KEY_ALIAS, D.KEY_NAME)
			.distinctOn(D.TOKEN)
			.from(D)
			.where(KeySet.among(D.TOKEN, keys))
			.orderBy(D.TOKEN, D.DELETED_AT.desc())
			.fetch());
	}

	/** old hash → current alias of the key it was rotated into, following chains of rotations. */
	private Map<String, String> rotated(String[] keys) {
		Map<String, String> aliases = new HashMap<>();
		if (!capabilities.hasTokens() || keys.length == 0) {
			return aliases;
		}
		Map<String, String> origin = new HashMap<>();
		for (String key : keys) {
			origin.put(key, key);
		}
		Set<String> pending = new HashSet<>(List.of(keys));
		for (int hop = 0; hop < MAX_ROTATION_HOPS && !pending.isEmpty(); hop++) {
			Map<String, String> next = dsl.select(R.TOKEN, R.ACTIVE_TOKEN_ID)
				.from(R)
				.where(KeySet.among(R.TOKEN, pending.toArray(String[]::new)))
				.fetchMap(R.TOKEN, R.ACTIVE_TOKEN_ID);
			Map<String, String[]> live = current(next.values().toArray(String[]::new));
			Set<String> following = new HashSet<>();
			next.forEach((old, active) -> {
				String root = origin.get(old);
				String[] liveKey = live.get(active);
				if (liveKey != null && liveKey[0] != null) {
					aliases.putIfAbsent(root, liveKey[0]);
				}
				else if (liveKey == null && !origin.containsKey(active)) {
					origin.put(active, root);
					following.add(active);
				}
			});
			pending = following;
		}
		return aliases;
	}

	private static Map<String, String[]> toMap(List<Record3<String, String, String>> rows) {
		Map<String, String[]> map = new HashMap<>();
		rows.forEach(r -> map.put(r.value1(), new String[] { r.value2(), r.value3() }));
		return map;
	}

}
