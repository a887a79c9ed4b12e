package dev.spendaudit.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.spendaudit.store.jooq.Tables.SENT_STATEMENT;

/**
 * The record of every statement mailed ({@code sent_statement}): one row per Message-ID, SENDING, then SENT or
 * FAILED, each change committed at once in its own transaction, so that a period SENT is never mailed again.
 */
class SentStatements {

	private final DSLContext dsl;

	private final TransactionTemplate ownTransaction;

	SentStatements(DSLContext dsl, PlatformTransactionManager transactionManager) {
		this.dsl = dsl;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** When the period's statement went out, and its Message-ID, if it ever did. */
	Optional<SentDigests.Sent> lastSent(String period) {
		return ownTransaction.execute(status -> dsl.selectFrom(SENT_STATEMENT)
			.where(SENT_STATEMENT.PERIOD.eq(period).and(SENT_STATEMENT.STATUS.eq(SentDigests.SENT)))
			.orderBy(SENT_STATEMENT.SENT_UTC.desc())
			.limit(1)
			.fetchOptional(r -> new SentDigests.Sent(r.getMessageId(), r.getRecipients(), r.getSentUtc())));
	}

	/** The Message-ID of the period's newest attempt that is not known to have gone out, to send it under again. */
	Optional<String> unsentMessageId(String period) {
		return ownTransaction.execute(status -> dsl.select(SENT_STATEMENT.MESSAGE_ID, SENT_STATEMENT.STATUS)
			.from(SENT_STATEMENT)
			.where(SENT_STATEMENT.PERIOD.eq(period))
			.orderBy(SENT_STATEMENT.FIRST_ATTEMPT_UTC.desc())
			.limit(1)
			.fetchOptional()
			.filter(r -> !SentDigests.SENT.equals(r.get(SENT_STATEMENT.STATUS)))
			.map(r -> r.get(SENT_STATEMENT.MESSAGE_ID)));
	}

	void sending(String messageId, String period, LocalDate from, LocalDate to, String recipients, String subject,
			LocalDateTime nowUtc) {
		ownTransaction.executeWithoutResult(status -> dsl.insertInto(SENT_STATEMENT)
			.set(SENT_STATEMENT.MESSAGE_ID, messageId)
			.set(SENT_STATEMENT.PERIOD, period)
			.set(SENT_STATEMENT.PERIOD_FROM, from)
			.set(SENT_STATEMENT.PERIOD_TO, to)
			.set(SENT_STATEMENT.RECIPIENTS, recipients)
			.set(SENT_STATEMENT.SUBJECT, subject)
			.set(SENT_STATEMENT.STATUS, SentDigests.SENDING)
			.set(SENT_STATEMENT.FIRST_ATTEMPT_UTC, nowUtc)
			.onConflict(SENT_STATEMENT.MESSAGE_ID)
			.doUpdate()
			.set(SENT_STATEMENT.RECIPIENTS, recipients)
			.set(SENT_STATEMENT.SUBJECT, subject)
			.set(SENT_STATEMENT.STATUS, SentDigests.SENDING)
			.execute());
	}

	void attempted(String messageId) {
		ownTransaction.executeWithoutResult(status -> dsl.update(SENT_STATEMENT)
			.set(SENT_STATEMENT.ATTEMPTS, SENT_STATEMENT.ATTEMPTS.plus(1))
			.where(SENT_STATEMENT.MESSAGE_ID.eq(messageId))
			.execute());
	}

	void sent(String messageId, LocalDateTime nowUtc) {
		ownTransaction.executeWithoutResult(status -> dsl.update(SENT_STATEMENT)
			.set(SENT_STATEMENT.STATUS, SentDigests.SENT)
			.set(SENT_STATEMENT.SENT_UTC, nowUtc)
			.setNull(SENT_STATEMENT.LAST_ERROR)
			.where(SENT_STATEMENT.MESSAGE_ID.eq(messageId))
			.execute());
	}

	void failed(String messageId, String error) {
		ownTransaction.executeWithoutResult(status -> dsl.update(SENT_STATEMENT)
			.set(SENT_STATEMENT.STATUS, SentDigests.FAILED)
			.set(SENT_STATEMENT.LAST_ERROR, error)
			.where(SENT_STATEMENT.MESSAGE_ID.eq(messageId))
			.execute());
	}

}
