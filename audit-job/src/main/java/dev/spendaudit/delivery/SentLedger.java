package dev.spendaudit.delivery;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A record of mailings in one of the job's tables ({@code sent_digest}, {@code sent_statement}): one row per
 * Message-ID, SENDING, then SENT or FAILED. Each change is committed at once, in its own transaction, so that what
 * happened on the wire survives the step's own rollback or a crash.
 */
abstract class SentLedger<R extends Record> {

	static final String SENDING = "SENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	/** The columns every such table has. */
	record Columns<R extends Record>(Table<R> table, TableField<R, String> messageId, TableField<R, String> status,
			TableField<R, Integer> attempts, TableField<R, String> lastError, TableField<R, String> recipients,
			TableField<R, LocalDateTime> firstAttemptUtc, TableField<R, LocalDateTime> sentUtc) {
	}

	/** A mail that went out. */
	record Sent(String messageId, String recipients, LocalDateTime sentUtc) {
	}

	protected final DSLContext dsl;

	protected final TransactionTemplate ownTransaction;

	private final Columns<R> c;

	SentLedger(DSLContext dsl, PlatformTransactionManager transactionManager, Columns<R> columns) {
		this.dsl = dsl;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.c = columns;
	}

	/** The newest delivery of the mail the condition names (a day's digest, a period's statement), if it went out. */
	protected Optional<Sent> lastSent(Condition of) {
		return ownTransaction.execute(status -> dsl.selectFrom(c.table())
			.where(of.and(c.status().eq(SENT)))
			.orderBy(c.sentUtc().desc())
			.limit(1)
			.fetchOptional(r -> new Sent(r.get(c.messageId()), r.get(c.recipients()), r.get(c.sentUtc()))));
	}

	/**
	 * The Message-ID of the newest attempt at the mail the condition names when it is not known to have gone out (a
	 * crash mid-send left it SENDING, or it FAILED): sending it again under the same id lets a client that did get
	 * it see one mail.
	 */
	protected Optional<String> unsentMessageId(Condition of) {
		return ownTransaction.execute(status -> dsl.select(c.messageId(), c.status())
			.from(c.table())
			.where(of)
			.orderBy(c.firstAttemptUtc().desc())
			.limit(1)
			.fetchOptional()
			.filter(r -> !SENT.equals(r.get(c.status())))
			.map(r -> r.get(c.messageId())));
	}

	/** Columns and their values (field, value, field, value...), in order; a value may be null. */
	protected static Map<Field<?>, Object> values(Object... fieldThenValue) {
		Map<Field<?>, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < fieldThenValue.length; i += 2) {
			values.put((Field<?>) fieldThenValue[i], fieldThenValue[i + 1]);
		}
		return values;
	}

	/** Inserts the message's row, or updates it with {@code onConflict} when the Message-ID is already recorded. */
	protected void upsert(Map<Field<?>, Object> values, Map<Field<?>, Object> onConflict) {
		ownTransaction.executeWithoutResult(status -> dsl.insertInto(c.table())
			.set(values)
			.onConflict(c.messageId())
			.doUpdate()
			.set(onConflict)
			.execute());
	}

	/** One more SMTP attempt for the message. */
	void attempted(String messageId) {
		ownTransaction.executeWithoutResult(status -> dsl.update(c.table())
			.set(c.attempts(), c.attempts().plus(1))
			.where(c.messageId().eq(messageId))
			.execute());
	}

	void sent(String messageId, LocalDateTime nowUtc) {
		ownTransaction.executeWithoutResult(status -> dsl.update(c.table())
			.set(c.status(), SENT)
			.set(c.sentUtc(), nowUtc)
			.setNull(c.lastError())
			.where(c.messageId().eq(messageId))
			.execute());
	}

	void failed(String messageId, String error) {
		ownTransaction.executeWithoutResult(status -> dsl.update(c.table())
			.set(c.status(), FAILED)
			.set(c.lastError(), error)
			.where(c.messageId().eq(messageId))
			.execute());
	}

	boolean wasSent(String messageId) {
		return Boolean.TRUE.equals(ownTransaction.execute(status -> dsl.fetchExists(c.table(),
				c.messageId().eq(messageId).and(c.status().eq(SENT)))));
	}

}
