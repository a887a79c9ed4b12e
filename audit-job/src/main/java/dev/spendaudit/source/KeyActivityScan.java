package dev.spendaudit.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.spendaudit.source.litellm.tables.LitellmDailyuserspend;
import dev.spendaudit.source.litellm.tables.LitellmDeletedverificationtoken;
import dev.spendaudit.source.litellm.tables.LitellmDeprecatedverificationtoken;
import dev.spendaudit.source.litellm.tables.LitellmVerificationtoken;
import org.jooq.DSLContext;
import org.jooq.Field;

import static dev.spendaudit.source.litellm.Tables.LITELLM_DAILYUSERSPEND;
import static dev.spendaudit.source.litellm.Tables.LITELLM_DELETEDVERIFICATIONTOKEN;
import static dev.spendaudit.source.litellm.Tables.LITELLM_DEPRECATEDVERIFICATIONTOKEN;
import static dev.spendaudit.source.litellm.Tables.LITELLM_VERIFICATIONTOKEN;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;

/**
 * Who still uses a key: resolving a key named in the settings to its hashes, its {@code last_active} and its newest
 * daily aggregate. The caller hints in its rows are {@link CallerScan}'s.
 */
final class KeyActivityScan {

	private static final LitellmVerificationtoken T = LITELLM_VERIFICATIONTOKEN;

	private static final LitellmDeletedverificationtoken D = LITELLM_DELETEDVERIFICATIONTOKEN;

	private static final LitellmDeprecatedverificationtoken R = LITELLM_DEPRECATEDVERIFICATIONTOKEN;

	private static final LitellmDailyuserspend A = LITELLM_DAILYUSERSPEND;

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	KeyActivityScan(DSLContext dsl, SourceCapabilities capabilities) {
		this.dsl = dsl;
		this.capabilities = capabilities;
	}

	/** A key given as an alias, a {@code key_name} ({@code sk-...abcd}) or a sha256 token hash. */
	ResolvedKey resolve(String spec) {
		Set<String> hashes = new HashSet<>();
		String matchedBy;
		if (spec.matches("[0-9a-fA-F]{64}")) {
			matchedBy = ResolvedKey.TOKEN_HASH;
			hashes.add(spec.toLowerCase(Locale.ROOT));
		}
		else {
			boolean keyName = spec.startsWith("sk-") && spec.contains("...");
			matchedBy = keyName ? ResolvedKey.KEY_NAME : ResolvedKey.ALIAS;
			if (capabilities.hasTokens()) {
				hashes.addAll(dsl.select(T.TOKEN).from(T).where((keyName ? T.KEY_NAME : T.KEY_ALIAS).eq(spec))
					.fetch(T.TOKEN));
			}
			if (capabilities.hasDeletedTokens()) {
				hashes.addAll(dsl.selectDistinct(D.TOKEN).from(D).where((keyName ? D.KEY_NAME : D.KEY_ALIAS).eq(spec))
					.fetch(D.TOKEN));
			}
		}
		if (capabilities.hasDeprecatedTokens() && !hashes.isEmpty()) {
			// a rotated key's old hash keeps working until revoke_at: a straggler may still use it
			hashes.addAll(dsl.select(R.TOKEN).from(R).where(KeySet.among(R.ACTIVE_TOKEN_ID, hashes.toArray(String[]::new)))
				.fetch(R.TOKEN));
		}
		return new ResolvedKey(hashes.isEmpty() && !ResolvedKey.TOKEN_HASH.equals(matchedBy) ? ResolvedKey.NONE : matchedBy,
				hashes, lastActive(hashes));
	}

	private LocalDateTime lastActive(Set<String> hashes) {
		if (hashes.isEmpty() || !capabilities.hasColumn(SourceCapabilities.TOKENS, "last_active")) {
			return null;
		}
		return dsl.select(max(T.LAST_ACTIVE)).from(T).where(KeySet.among(T.TOKEN, hashes.toArray(String[]::new)))
			.fetchOne(0, LocalDateTime.class);
	}

	/** The newest UTC date, up to {@code notAfter}, on which the daily aggregates count requests for the keys. */
	LocalDate lastAggregateDate(String[] hashes, LocalDate notAfter) {
		if (hashes.length == 0 || !capabilities.hasTable(SourceCapabilities.DAILY_USER_SPEND)) {
			return null;
		}
		String date = dsl.select(max(A.DATE))
			.from(A)
			.where(KeySet.among(A.API_KEY, hashes))
			.and(A.API_REQUESTS.gt(0L))
			.and(A.DATE.le(notAfter.toString()))
			.fetchOne(0, String.class);
		return date == null ? null : LocalDate.parse(date);
	}

	/** Every live key. */
	List<TokenRow> tokens() {
		if (!capabilities.hasTokens()) {
			return List.of();
		}
		Field<LocalDateTime> lastActive = capabilities.hasColumn(SourceCapabilities.TOKENS, "last_active")
				? T.LAST_ACTIVE : inline(null, LocalDateTime.class);
		Field<LocalDateTime> createdAt = capabilities.hasColumn(SourceCapabilities.TOKENS, "created_at") ? T.CREATED_AT
				: inline(null, LocalDateTime.class);
		return dsl.select(T.TOKEN, T.KEY_ALIAS, T.KEY_NAME, lastActive, createdAt)
			.from(T)
			.fetch(r -> new TokenRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
	}

}
