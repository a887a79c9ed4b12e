package dev.spendaudit.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import dev.spendaudit.store.jooq.tables.records.SentStatementRecord;
import org.jooq.DSLContext;
import org.springframework.transaction.PlatformTransactionManager;

import static dev.spendaudit.store.jooq.Tables.SENT_STATEMENT;

/**
 * The record of every statement mailed ({@code sent_statement}), by period, so that a period SENT is never mailed
 * again.
 */
class SentStatements extends SentLedger<SentStatementRecord> {

	SentStatements(DSLContext dsl, PlatformTransactionManager transactionManager) {
		super(dsl, transactionManager, new Columns<>(SENT_STATEMENT, SENT_STATEMENT.MESSAGE_ID, SENT_STATEMENT.STATUS,
				SENT_STATEMENT.ATTEMPTS, SENT_STATEMENT.LAST_ERROR, SENT_STATEMENT.RECIPIENTS,
				SENT_STATEMENT.FIRST_ATTEMPT_UTC, SENT_STATEMENT.SENT_UTC));
	}

	/** When the period's statement went out, and its Message-ID, if it ever did. */
	Optional<Sent> lastSent(String period) {
		return lastSent(SENT_STATEMENT.PERIOD.eq(period));
	}

	/** The Message-ID of the period's newest attempt that is not known to have gone out, to send it under again. */
	Optional<String> unsentMessageId(String period) {
		return unsentMessageId(SENT_STATEMENT.PERIOD.eq(period));
	}

	void sending(String messageId, String period, LocalDate from, LocalDate to, String recipients, String subject,
			LocalDateTime nowUtc) {
		upsert(values(SENT_STATEMENT.MESSAGE_ID, messageId, SENT_STATEMENT.PERIOD, period, SENT_STATEMENT.PERIOD_FROM,
				from, SENT_STATEMENT.PERIOD_TO, to, SENT_STATEMENT.RECIPIENTS, recipients, SENT_STATEMENT.SUBJECT,
				subject, SENT_STATEMENT.STATUS, SENDING, SENT_STATEMENT.FIRST_ATTEMPT_UTC, nowUtc),
				values(SENT_STATEMENT.RECIPIENTS, recipients, SENT_STATEMENT.SUBJECT, subject, SENT_STATEMENT.STATUS,
						SENDING));
	}

}
