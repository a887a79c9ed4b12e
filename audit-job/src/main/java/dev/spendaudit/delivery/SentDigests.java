package dev.spendaudit.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.spendaudit.store.jooq.Tables.SENT_DIGEST;

/**
 * The record of every digest mailed, in the job's own table {@code sent_digest}: one row per Message-ID, from
 * SENDING to SENT or FAILED. Each change is committed at once, in its own transaction, so that what happened on
 * the wire survives the step's own rollback or a crash.
 */
class SentDigests {

	static final String SENDING = "SENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	/** Deliberately not mailed: the cadence holds the day back. Not an attempt, and not a failure. */
	static final String HELD = "HELD";

	private final DSLContext dsl;

	private final TransactionTemplate ownTransaction;

	SentDigests(DSLContext dsl, PlatformTransactionManager transactionManager) {
		this.dsl = dsl;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A digest that went out. */
	record Sent(String messageId, String recipients, LocalDateTime sentUtc) {
	}

	/** The newest delivery of the day's digest, if it was ever sent. */
	Optional<Sent> lastSent(LocalDate date) {
		return ownTransaction.execute(status -> dsl.selectFrom(SENT_DIGEST)
			.where(SENT_DIGEST.AUDIT_DATE.eq(date).and(SENT_DIGEST.STATUS.eq(SENT)))
			.orderBy(SENT_DIGEST.SENT_UTC.desc())
			.limit(1)
			.fetchOptional(r -> new Sent(r.getMessageId(), r.getRecipients(), r.getSentUtc())));
	}

	/**
	 * How the day's digest went: its newest SENT delivery, else its newest attempt (FAILED, or SENDING after a
	 * crash mid-send) at the time it started; empty when it was never tried.
	 */
	Optional<DigestDelivery.Mailing> mailing(LocalDate date) {
		return lastSent(date).map(sent -> new DigestDelivery.Mailing(SENT, sent.sentUtc()))
			.or(() -> ownTransaction.execute(status -> dsl.select(SENT_DIGEST.STATUS, SENT_DIGEST.FIRST_ATTEMPT_UTC)
				.from(SENT_DIGEST)
				.where(SENT_DIGEST.AUDIT_DATE.eq(date))
				.orderBy(SENT_DIGEST.FIRST_ATTEMPT_UTC.desc())
				.limit(1)
				.fetchOptional(r -> new DigestDelivery.Mailing(r.value1(), r.value2()))));
	}

	/**
	 * The Message-ID of the day's newest attempt when it is not known to have gone out (a crash mid-send left it
	 * SENDING, or it FAILED): sending it again under the same id lets a client that did get it see one mail.
	 */
	Optional<String> unsentMessageId(LocalDate date) {
		return ownTransaction.execute(status -> dsl.select(SENT_DIGEST.MESSAGE_ID, SENT_DIGEST.STATUS)
			.from(SENT_DIGEST)
			.where(SENT_DIGEST.AUDIT_DATE.eq(date))
			.orderBy(SENT_DIGEST.FIRST_ATTEMPT_UTC.desc())
			.limit(1)
			.fetchOptional()
			.filter(r -> !SENT.equals(r.get(SENT_DIGEST.STATUS)))
			.map(r -> r.get(SENT_DIGEST.MESSAGE_ID)));
	}

	boolean wasSent(String messageId) {
		return Boolean.TRUE.equals(ownTransaction.execute(status -> dsl.fetchExists(SENT_DIGEST,
				SENT_DIGEST.MESSAGE_ID.eq(messageId).and(SENT_DIGEST.STATUS.eq(SENT)))));
	}

	/** Marks the message as on its way, before the SMTP conversation starts. */
	void sending(String messageId, LocalDate date, String recipients, String subject, Long jobExecutionId,
			LocalDateTime nowUtc) {
		ownTransaction.executeWithoutResult(status -> dsl.insertInto(SENT_DIGEST)
			.set(SENT_DIGEST.MESSAGE_ID, messageId)
			.set(SENT_DIGEST.AUDIT_DATE, date)
			.set(SENT_DIGEST.RECIPIENTS, recipients)
			.set(SENT_DIGEST.SUBJECT, subject)
			.set(SENT_DIGEST.STATUS, SENDING)
			.set(SENT_DIGEST.JOB_EXECUTION_ID, jobExecutionId)
			.set(SENT_DIGEST.FIRST_ATTEMPT_UTC, nowUtc)
			.onConflict(SENT_DIGEST.MESSAGE_ID)
			.doUpdate()
			.set(SENT_DIGEST.RECIPIENTS, recipients)
			.set(SENT_DIGEST.SUBJECT, subject)
			.set(SENT_DIGEST.STATUS, SENDING)
			.set(SENT_DIGEST.JOB_EXECUTION_ID, jobExecutionId)
			.execute());
	}

	/** Records that the cadence held the message back (a rerun of the held day updates the same record). */
	void held(String messageId, LocalDate date, String recipients, String subject, Long jobExecutionId,
			LocalDateTime nowUtc) {
		ownTransaction.executeWithoutResult(status -> dsl.insertInto(SENT_DIGEST)
			.set(SENT_DIGEST.MESSAGE_ID, messageId)
			.set(SENT_DIGEST.AUDIT_DATE, date)
			.set(SENT_DIGEST.RECIPIENTS, recipients)
			.set(SENT_DIGEST.SUBJECT, subject)
			.set(SENT_DIGEST.STATUS, HELD)
			.set(SENT_DIGEST.JOB_EXECUTION_ID, jobExecutionId)
			.set(SENT_DIGEST.FIRST_ATTEMPT_UTC, nowUtc)
			.onConflict(SENT_DIGEST.MESSAGE_ID)
			.doUpdate()
			.set(SENT_DIGEST.SUBJECT, subject)
			.set(SENT_DIGEST.STATUS, HELD)
			.set(SENT_DIGEST.JOB_EXECUTION_ID, jobExecutionId)
			.set(SENT_DIGEST.FIRST_ATTEMPT_UTC, nowUtc)
			.execute());
	}

	/** One more SMTP attempt for the message. */
	void attempted(String messageId) {
		ownTransaction.executeWithoutResult(status -> dsl.update(SENT_DIGEST)
			.set(SENT_DIGEST.ATTEMPTS, SENT_DIGEST.ATTEMPTS.plus(1))
			.where(SENT_DIGEST.MESSAGE_ID.eq(messageId))
			.execute());
	}

	void sent(String messageId, LocalDateTime nowUtc) {
		ownTransaction.executeWithoutResult(status -> dsl.update(SENT_DIGEST)
			.set(SENT_DIGEST.STATUS, SENT)
			.set(SENT_DIGEST.SENT_UTC, nowUtc)
			.setNull(SENT_DIGEST.LAST_ERROR)
			.where(SENT_DIGEST.MESSAGE_ID.eq(messageId))
			.execute());
	}

	void failed(String messageId, String error) {
		ownTransaction.executeWithoutResult(status -> dsl.update(SENT_DIGEST)
			.set(SENT_DIGEST.STATUS, FAILED)
			.set(SENT_DIGEST.LAST_ERROR, error)
			.where(SENT_DIGEST.MESSAGE_ID.eq(messageId))
			.execute());
	}

}
