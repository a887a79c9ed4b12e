package dev.spendaudit.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import dev.spendaudit.store.jooq.tables.records.SentDigestRecord;
import org.jooq.DSLContext;
import org.springframework.transaction.PlatformTransactionManager;

import static dev.spendaudit.store.jooq.Tables.SENT_DIGEST;

/**
 * The record of every digest mailed ({@code sent_digest}), by audit day: SENDING, SENT, FAILED, or HELD by the
 * cadence.
 */
class SentDigests extends SentLedger<SentDigestRecord> {

	/** Deliberately not mailed: the cadence holds the day back. Not an attempt, and not a failure. */
	static final String HELD = "HELD";

	SentDigests(DSLContext dsl, PlatformTransactionManager transactionManager) {
		super(dsl, transactionManager, new Columns<>(SENT_DIGEST, SENT_DIGEST.MESSAGE_ID, SENT_DIGEST.STATUS,
				SENT_DIGEST.ATTEMPTS, SENT_DIGEST.LAST_ERROR, SENT_DIGEST.RECIPIENTS, SENT_DIGEST.FIRST_ATTEMPT_UTC,
				SENT_DIGEST.SENT_UTC));
	}

	/** The newest delivery of the day's digest, if it was ever sent. */
	Optional<Sent> lastSent(LocalDate date) {
		return lastSent(SENT_DIGEST.AUDIT_DATE.eq(date));
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

	/** The Message-ID of the day's newest attempt when it is not known to have gone out. */
	Optional<String> unsentMessageId(LocalDate date) {
		return unsentMessageId(SENT_DIGEST.AUDIT_DATE.eq(date));
	}

	/** Marks the message as on its way, before the SMTP conversation starts. */
	void sending(String messageId, LocalDate date, String recipients, String subject, Long jobExecutionId,
			LocalDateTime nowUtc) {
		upsert(values(SENT_DIGEST.MESSAGE_ID, messageId, SENT_DIGEST.AUDIT_DATE, date, SENT_DIGEST.RECIPIENTS,
				recipients, SENT_DIGEST.SUBJECT, subject, SENT_DIGEST.STATUS, SENDING, SENT_DIGEST.JOB_EXECUTION_ID,
				jobExecutionId, SENT_DIGEST.FIRST_ATTEMPT_UTC, nowUtc),
				values(SENT_DIGEST.RECIPIENTS, recipients, SENT_DIGEST.SUBJECT, subject, SENT_DIGEST.STATUS, SENDING,
						SENT_DIGEST.JOB_EXECUTION_ID, jobExecutionId));
	}

	/** Records that the cadence held the message back (a rerun of the held day updates the same record). */
	void held(String messageId, LocalDate date, String recipients, String subject, Long jobExecutionId,
			LocalDateTime nowUtc) {
		upsert(values(SENT_DIGEST.MESSAGE_ID, messageId, SENT_DIGEST.AUDIT_DATE, date, SENT_DIGEST.RECIPIENTS,
				recipients, SENT_DIGEST.SUBJECT, subject, SENT_DIGEST.STATUS, HELD, SENT_DIGEST.JOB_EXECUTION_ID,
				jobExecutionId, SENT_DIGEST.FIRST_ATTEMPT_UTC, nowUtc),
				values(SENT_DIGEST.SUBJECT, subject, SENT_DIGEST.STATUS, HELD, SENT_DIGEST.JOB_EXECUTION_ID,
						jobExecutionId, SENT_DIGEST.FIRST_ATTEMPT_UTC, nowUtc));
	}

}
