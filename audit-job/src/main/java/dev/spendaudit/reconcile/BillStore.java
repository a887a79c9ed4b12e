package dev.spendaudit.reconcile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.reconcile.bill.BillCoverage;
import dev.spendaudit.reconcile.bill.BillFile;
import dev.spendaudit.reconcile.bill.BillFormat;
import dev.spendaudit.reconcile.bill.BilledDay;
import dev.spendaudit.reconcile.bill.BilledRequest;
import dev.spendaudit.reconcile.bill.BilledUsage;
import dev.spendaudit.source.LoggedRequest;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import static dev.spendaudit.store.jooq.Tables.BILLED_DAY;
import static dev.spendaudit.store.jooq.Tables.BILLED_REQUEST;
import static dev.spendaudit.store.jooq.Tables.BILLED_USAGE;
import static dev.spendaudit.store.jooq.Tables.BILL_COVERAGE;
import static dev.spendaudit.store.jooq.Tables.BILL_FILE;
import static dev.spendaudit.store.jooq.Tables.BILL_MATCH;
import static dev.spendaudit.store.jooq.Tables.BILL_MATCH_DAY;
import static dev.spendaudit.store.jooq.Tables.RECONCILED_DAY;
import static dev.spendaudit.store.jooq.Tables.RECONCILE_DIGEST;

/**
 * The bill tables (migration {@code V80__bills.sql}): the files read and what they bill, the request lookups, when
 * each provider day was pending and reconciled, and the section as each audited day computed it. The only class
 * that touches them.
 */
public class BillStore {

	private final DSLContext dsl;

	public BillStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Whether a file with this content was read already (successfully or not), under whatever name: the same
	 * content saved twice is one bill, read once.
	 */
	boolean known(String sha256) {
		return dsl.fetchExists(BILL_FILE, BILL_FILE.SHA256.eq(sha256));
	}

	/**
	 * Stores a file read whole, in one transaction, replacing what an earlier content at the same path (or the same
	 * content at another path) stored.
	 */
	void putFile(String path, BillFile bill, Instant readAt) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(BILL_FILE).where(BILL_FILE.PATH.eq(path).or(BILL_FILE.SHA256.eq(bill.sha256()))).execute();
			db.insertInto(BILL_FILE)
				.set(BILL_FILE.SHA256, bill.sha256())
				.set(BILL_FILE.PATH, path)
				.set(BILL_FILE.FORMAT, bill.format().name())
				.set(BILL_FILE.MODIFIED_UTC, utc(bill.modified()))
				.set(BILL_FILE.READ_AT_UTC, utc(readAt))
				.execute();
			for (BillCoverage c : bill.coverage()) {
				db.insertInto(BILL_COVERAGE)
					.set(BILL_COVERAGE.SHA256, bill.sha256())
					.set(BILL_COVERAGE.PROVIDER, c.provider())
					.set(BILL_COVERAGE.FROM_DATE, c.from())
					.set(BILL_COVERAGE.TO_DATE, c.to())
					.onConflictDoNothing()
					.execute();
			}
			var days = db.batch(db.insertInto(BILLED_DAY, BILLED_DAY.SHA256, BILLED_DAY.LINE_NO, BILLED_DAY.PROVIDER,
					BILLED_DAY.UTC_DATE, BILLED_DAY.MODEL, BILLED_DAY.USD, BILLED_DAY.BYOK_USD, BILLED_DAY.REQUESTS,
					BILLED_DAY.PROMPT_TOKENS, BILLED_DAY.COMPLETION_TOKENS).values((String) null, null, null, null, null,
							null, null, null, null, null));
			int line = 0;
			for (BilledDay d : bill.days()) {
				days.bind(bill.sha256(), ++line, d.provider(), d.date(), d.model(), d.usd(), d.byokUsd(), d.requests(),
						d.promptTokens(), d.completionTokens());
			}
			if (line > 0) {
				days.execute();
			}
			var usage = db.batch(db.insertInto(BILLED_USAGE, BILLED_USAGE.SHA256, BILLED_USAGE.LINE_NO,
					BILLED_USAGE.PROVIDER, BILLED_USAGE.UTC_DATE, BILLED_USAGE.MODEL, BILLED_USAGE.REQUESTS,
					BILLED_USAGE.PROMPT_TOKENS, BILLED_USAGE.COMPLETION_TOKENS).values((String) null, null, null, null,
							null, null, null, null));
			line = 0;
			for (BilledUsage u : bill.usage()) {
				usage.bind(bill.sha256(), ++line, u.provider(), u.date(), u.model(), u.requests(), u.promptTokens(),
						u.completionTokens());
			}
			if (line > 0) {
				usage.execute();
			}
			Map<String, BilledRequest> unique = new LinkedHashMap<>();
			bill.requests().forEach(r -> unique.putIfAbsent(r.requestId(), r));
			var requests = db.batch(db.insertInto(BILLED_REQUEST, BILLED_REQUEST.SHA256, BILLED_REQUEST.REQUEST_ID,
					BILLED_REQUEST.PROVIDER, BILLED_REQUEST.CREATED_AT_UTC, BILLED_REQUEST.UTC_DATE, BILLED_REQUEST.MODEL,
					BILLED_REQUEST.USD, BILLED_REQUEST.BYOK_USD, BILLED_REQUEST.PROMPT_TOKENS,
					BILLED_REQUEST.COMPLETION_TOKENS, BILLED_REQUEST.CACHED_TOKENS, BILLED_REQUEST.API_KEY_NAME,
					BILLED_REQUEST.APP_NAME).values((String) null, null, null, null, null, null, null, null, null, null,
							null, null, null));
			for (BilledRequest r : unique.values()) {
				LocalDateTime created = utc(r.createdAt());
				requests.bind(bill.sha256(), r.requestId(), r.provider(), created, created.toLocalDate(), r.model(),
						r.usd(), r.byokUsd(), r.promptTokens(), r.completionTokens(), r.cachedTokens(), r.apiKeyName(),
						r.appName());
			}
			if (!unique.isEmpty()) {
				requests.execute();
			}
		});
	}

	/** Remembers a file that could not be read: its error, and nothing of its content. */
	void putUnreadable(String path, String sha256, Instant modified, Instant readAt, String error) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(BILL_FILE).where(BILL_FILE.PATH.eq(path).or(BILL_FILE.SHA256.eq(sha256))).execute();
			db.insertInto(BILL_FILE)
				.set(BILL_FILE.SHA256, sha256)
				.set(BILL_FILE.PATH, path)
				.set(BILL_FILE.MODIFIED_UTC, utc(modified))
				.set(BILL_FILE.READ_AT_UTC, utc(readAt))
				.set(BILL_FILE.ERROR, error)
				.execute();
		});
	}

	/** The stored error of each of these paths that could not be read, by path. */
	Map<String, String> errors(Collection<String> paths) {
		return dsl.select(BILL_FILE.PATH, BILL_FILE.ERROR)
			.from(BILL_FILE)
			.where(BILL_FILE.PATH.in(paths).and(BILL_FILE.ERROR.isNotNull()))
			.orderBy(BILL_FILE.PATH)
			.fetchMap(BILL_FILE.PATH, BILL_FILE.ERROR);
	}

	/** Every coverage of a read file that overlaps {@code from .. to}, with its file's format and time. */
	List<FileCoverage> coverage(LocalDate from, LocalDate to) {
		return dsl.select(BILL_COVERAGE.SHA256, BILL_FILE.FORMAT, BILL_FILE.MODIFIED_UTC, BILL_FILE.PATH,
				BILL_COVERAGE.PROVIDER, BILL_COVERAGE.FROM_DATE, BILL_COVERAGE.TO_DATE)
			.from(BILL_COVERAGE)
			.join(BILL_FILE)
			.on(BILL_FILE.SHA256.eq(BILL_COVERAGE.SHA256))
			.where(BILL_COVERAGE.FROM_DATE.le(to).and(BILL_COVERAGE.TO_DATE.ge(from)))
			.and(BILL_FILE.ERROR.isNull())
			.orderBy(BILL_COVERAGE.PROVIDER, BILL_FILE.MODIFIED_UTC, BILL_COVERAGE.SHA256)
			.fetch(r -> new FileCoverage(r.value1(), BillFormat.valueOf(r.value2()), r.value3(), r.value4(),
					new BillCoverage(r.value5(), r.value6(), r.value7())));
	}

	/** A file's money for one provider and day. */
	List<BilledDay> days(String sha256, String provider, LocalDate date) {
		return dsl.selectFrom(BILLED_DAY)
			.where(BILLED_DAY.SHA256.eq(sha256).and(BILLED_DAY.PROVIDER.eq(provider)).and(BILLED_DAY.UTC_DATE.eq(date)))
			.orderBy(BILLED_DAY.LINE_NO)
			.fetch(r -> new BilledDay(r.getProvider(), r.getUtcDate(), r.getModel(), r.getUsd(), r.getByokUsd(),
					r.getRequests(), r.getPromptTokens(), r.getCompletionTokens()));
	}

	/** The usage reports' counts for one provider and day (every stored file). */
	List<BilledUsage> usage(String provider, LocalDate date) {
		return dsl.select(BILLED_USAGE.fields())
			.from(BILLED_USAGE)
			.join(BILL_FILE)
			.on(BILL_FILE.SHA256.eq(BILLED_USAGE.SHA256))
			.where(BILLED_USAGE.PROVIDER.eq(provider).and(BILLED_USAGE.UTC_DATE.eq(date)))
			.orderBy(BILL_FILE.MODIFIED_UTC.desc(), BILLED_USAGE.SHA256, BILLED_USAGE.LINE_NO)
			.fetch(r -> new BilledUsage(r.get(BILLED_USAGE.PROVIDER), r.get(BILLED_USAGE.UTC_DATE),
					r.get(BILLED_USAGE.MODEL), r.get(BILLED_USAGE.REQUESTS), r.get(BILLED_USAGE.PROMPT_TOKENS),
					r.get(BILLED_USAGE.COMPLETION_TOKENS)));
	}

	/**
	 * The billed requests of one provider and UTC day in these files, each generation once: where two files hold it,
	 * the newer file's line.
	 */
	List<BilledRequest> requests(Collection<String> sha256s, String provider, LocalDate date) {
		Map<String, BilledRequest> unique = new LinkedHashMap<>();
		dsl.select(BILLED_REQUEST.fields())
			.from(BILLED_REQUEST)
			.join(BILL_FILE)
			.on(BILL_FILE.SHA256.eq(BILLED_REQUEST.SHA256))
			.where(BILLED_REQUEST.SHA256.in(sha256s))
			.and(BILLED_REQUEST.PROVIDER.eq(provider).and(BILLED_REQUEST.UTC_DATE.eq(date)))
			.orderBy(BILL_FILE.MODIFIED_UTC.desc(), BILLED_REQUEST.SHA256, BILLED_REQUEST.CREATED_AT_UTC,
					BILLED_REQUEST.REQUEST_ID)
			.forEach(r -> unique.putIfAbsent(r.get(BILLED_REQUEST.REQUEST_ID),
					new BilledRequest(r.get(BILLED_REQUEST.PROVIDER), r.get(BILLED_REQUEST.REQUEST_ID),
							r.get(BILLED_REQUEST.CREATED_AT_UTC).toInstant(ZoneOffset.UTC), r.get(BILLED_REQUEST.MODEL),
							r.get(BILLED_REQUEST.USD), r.get(BILLED_REQUEST.BYOK_USD),
							r.get(BILLED_REQUEST.PROMPT_TOKENS), r.get(BILLED_REQUEST.COMPLETION_TOKENS),
							r.get(BILLED_REQUEST.CACHED_TOKENS), r.get(BILLED_REQUEST.API_KEY_NAME),
							r.get(BILLED_REQUEST.APP_NAME))));
		return new ArrayList<>(unique.values());
	}

	/** The stored lookup of a provider day's request ids, if it was made for exactly these ids. */
	Optional<Map<String, LoggedRequest>> matches(String provider, LocalDate date, String requestsSha256) {
		boolean same = dsl.fetchExists(BILL_MATCH_DAY, BILL_MATCH_DAY.PROVIDER.eq(provider)
			.and(BILL_MATCH_DAY.UTC_DATE.eq(date))
			.and(BILL_MATCH_DAY.REQUESTS_SHA256.eq(requestsSha256)));
		if (!same) {
			return Optional.empty();
		}
		Map<String, LoggedRequest> found = new LinkedHashMap<>();
		dsl.selectFrom(BILL_MATCH)
			.where(BILL_MATCH.PROVIDER.eq(provider).and(BILL_MATCH.UTC_DATE.eq(date)).and(BILL_MATCH.FOUND.isTrue()))
			.forEach(r -> found.put(r.getRequestId(), new LoggedRequest(r.getRequestId(), r.getLoggedModel(), provider,
					r.getLoggedUsd(), r.getLoggedPromptTokens(), r.getLoggedCompletionTokens())));
		return Optional.of(found);
	}

	/** Stores a provider day's lookup, replacing an earlier one. */
	void putMatches(String provider, LocalDate date, String requestsSha256, Collection<String> requestIds,
			Map<String, LoggedRequest> found, Instant at) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(BILL_MATCH_DAY)
				.where(BILL_MATCH_DAY.PROVIDER.eq(provider).and(BILL_MATCH_DAY.UTC_DATE.eq(date)))
				.execute();
			db.insertInto(BILL_MATCH_DAY)
				.set(BILL_MATCH_DAY.PROVIDER, provider)
				.set(BILL_MATCH_DAY.UTC_DATE, date)
				.set(BILL_MATCH_DAY.REQUESTS_SHA256, requestsSha256)
				.set(BILL_MATCH_DAY.MATCHED_AT_UTC, utc(at))
				.execute();
			var rows = db.batch(db.insertInto(BILL_MATCH, BILL_MATCH.PROVIDER, BILL_MATCH.UTC_DATE, BILL_MATCH.REQUEST_ID,
					BILL_MATCH.FOUND, BILL_MATCH.LOGGED_MODEL, BILL_MATCH.LOGGED_USD, BILL_MATCH.LOGGED_PROMPT_TOKENS,
					BILL_MATCH.LOGGED_COMPLETION_TOKENS).values((String) null, null, null, null, null, null, null, null));
			for (String id : requestIds) {
				LoggedRequest l = found.get(id);
				rows.bind(provider, date, id, l != null, l == null ? null : l.model(), l == null ? null : l.usd(),
						l == null ? null : l.promptTokens(), l == null ? null : l.completionTokens());
			}
			if (!requestIds.isEmpty()) {
				rows.execute();
			}
		});
	}

	/** When each provider day of {@code from .. to} was first pending and when reconciled, by provider and day. */
	Map<String, DayMemory> memory(LocalDate from, LocalDate to) {
		Map<String, DayMemory> memory = new LinkedHashMap<>();
		dsl.selectFrom(RECONCILED_DAY)
			.where(RECONCILED_DAY.UTC_DATE.between(from, to))
			.forEach(r -> memory.put(r.getProvider() + " " + r.getUtcDate(),
					new DayMemory(r.getPendingOn(), r.getReconciledOn())));
		return memory;
	}

	void putMemory(String provider, LocalDate date, DayMemory memory) {
		dsl.insertInto(RECONCILED_DAY)
			.set(RECONCILED_DAY.PROVIDER, provider)
			.set(RECONCILED_DAY.UTC_DATE, date)
			.set(RECONCILED_DAY.PENDING_ON, memory.pendingOn())
			.set(RECONCILED_DAY.RECONCILED_ON, memory.reconciledOn())
			.onConflict(RECONCILED_DAY.PROVIDER, RECONCILED_DAY.UTC_DATE)
			.doUpdate()
			.set(RECONCILED_DAY.PENDING_ON, memory.pendingOn())
			.set(RECONCILED_DAY.RECONCILED_ON, memory.reconciledOn())
			.execute();
	}

	/** Stores the section as the audited day computed it. */
	void putDigest(LocalDate auditDate, String json, Instant at) {
		dsl.insertInto(RECONCILE_DIGEST)
			.set(RECONCILE_DIGEST.AUDIT_DATE, auditDate)
			.set(RECONCILE_DIGEST.DOCUMENT, JSONB.valueOf(json))
			.set(RECONCILE_DIGEST.COMPUTED_AT_UTC, utc(at))
			.onConflict(RECONCILE_DIGEST.AUDIT_DATE)
			.doUpdate()
			.set(RECONCILE_DIGEST.DOCUMENT, JSONB.valueOf(json))
			.set(RECONCILE_DIGEST.COMPUTED_AT_UTC, utc(at))
			.execute();
	}

	Optional<String> digest(LocalDate auditDate) {
		return dsl.select(RECONCILE_DIGEST.DOCUMENT)
			.from(RECONCILE_DIGEST)
			.where(RECONCILE_DIGEST.AUDIT_DATE.eq(auditDate))
			.fetchOptional(RECONCILE_DIGEST.DOCUMENT)
			.map(JSONB::data);
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A file's coverage of one provider, with what the choice between files needs. */
	record FileCoverage(String sha256, BillFormat format, LocalDateTime modifiedUtc, String path, BillCoverage coverage) {
	}

	/** The audited days on which a provider day was first pending and on which it was reconciled (null: never). */
	record DayMemory(LocalDate pendingOn, LocalDate reconciledOn) {
	}

}
