package dev.spendaudit.notify;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.store.jooq.Tables.SENT_NOTIFICATION;

/**
 * The record of every webhook push, in the job's own table {@code sent_notification}: one row per webhook, day,
 * finding id and state, from SENDING to SENT or FAILED. Each change is committed at once, in its own transaction,
 * so what happened on the wire survives the step's own rollback or a crash.
 */
class SentNotifications {

	static final String SENDING = "SENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
	};

	private final DSLContext dsl;

	private final TransactionTemplate ownTransaction;

	SentNotifications(DSLContext dsl, PlatformTransactionManager transactionManager) {
		this.dsl = dsl;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A push not known to have gone out (FAILED, or left SENDING by a crash), as it was rendered. */
	record Unsent(LocalDate date, String kind, String findingId, String state, Message message) {
	}

	/** The status of a push (SENDING, SENT or FAILED), if it was ever tried. */
	Optional<String> status(String webhook, LocalDate date, String findingId, String state) {
		return ownTransaction.execute(tx -> dsl.select(SENT_NOTIFICATION.STATUS)
			.from(SENT_NOTIFICATION)
			.where(SENT_NOTIFICATION.WEBHOOK.eq(webhook))
			.and(SENT_NOTIFICATION.AUDIT_DATE.eq(date))
			.and(SENT_NOTIFICATION.FINDING_ID.eq(findingId))
			.and(SENT_NOTIFICATION.STATE.eq(state))
			.fetchOptional(SENT_NOTIFICATION.STATUS));
	}

	/**
	 * Whether the run of a finding was pushed (or tried) to the webhook as NEW or CONTINUING on another day than
	 * {@code except} (the day's own push is found by {@link #status}, so a rerun retries it if it failed).
	 */
	boolean announced(String webhook, String findingId, LocalDate except) {
		return Boolean.TRUE.equals(ownTransaction.execute(tx -> dsl.fetchExists(SENT_NOTIFICATION,
				SENT_NOTIFICATION.WEBHOOK.eq(webhook)
					.and(SENT_NOTIFICATION.FINDING_ID.eq(findingId))
					.and(SENT_NOTIFICATION.STATE.ne("RESOLVED"))
					.and(SENT_NOTIFICATION.AUDIT_DATE.ne(except)))));
	}

	/** The webhook's pushes first tried since {@code sinceUtc} that did not go out, except the day's own, oldest first. */
	List<Unsent> unsent(String webhook, LocalDateTime sinceUtc, LocalDate except) {
		return ownTransaction.execute(tx -> dsl.selectFrom(SENT_NOTIFICATION)
			.where(SENT_NOTIFICATION.WEBHOOK.eq(webhook))
			.and(SENT_NOTIFICATION.STATUS.ne(SENT))
			.and(SENT_NOTIFICATION.FIRST_ATTEMPT_UTC.ge(sinceUtc))
			.and(SENT_NOTIFICATION.AUDIT_DATE.ne(except))
			.orderBy(SENT_NOTIFICATION.FIRST_ATTEMPT_UTC, SENT_NOTIFICATION.AUDIT_DATE, SENT_NOTIFICATION.FINDING_ID)
			.fetch(r -> new Unsent(r.getAuditDate(), r.getKind(), r.getFindingId(), r.getState(), new Message(r.getContentType(),
					r.getBody(), JSON.readValue(r.getHeaders().data(), HEADERS)))));
	}

	/** Marks the push as on its way, with what is sent, before the request starts. */
	void sending(String webhook, Push push, WebhookFormat format, Message message, Long jobExecutionId,
			LocalDateTime nowUtc) {
		JSONB headers = JSONB.valueOf(JSON.writeValueAsString(new LinkedHashMap<>(message.headers())));
		ownTransaction.executeWithoutResult(tx -> dsl.insertInto(SENT_NOTIFICATION)
			.set(SENT_NOTIFICATION.WEBHOOK, webhook)
			.set(SENT_NOTIFICATION.AUDIT_DATE, push.date())
			.set(SENT_NOTIFICATION.FINDING_ID, push.finding().id())
			.set(SENT_NOTIFICATION.STATE, push.state())
			.set(SENT_NOTIFICATION.SOURCE, push.finding().source())
			.set(SENT_NOTIFICATION.KIND, push.finding().kind())
			.set(SENT_NOTIFICATION.SEVERITY, push.severity().name())
			.set(SENT_NOTIFICATION.FORMAT, format.setting())
			.set(SENT_NOTIFICATION.CONTENT_TYPE, message.contentType())
			.set(SENT_NOTIFICATION.BODY, message.body())
			.set(SENT_NOTIFICATION.HEADERS, headers)
			.set(SENT_NOTIFICATION.STATUS, SENDING)
			.set(SENT_NOTIFICATION.JOB_EXECUTION_ID, jobExecutionId)
			.set(SENT_NOTIFICATION.FIRST_ATTEMPT_UTC, nowUtc)
			.onConflict(SENT_NOTIFICATION.WEBHOOK, SENT_NOTIFICATION.AUDIT_DATE, SENT_NOTIFICATION.FINDING_ID,
					SENT_NOTIFICATION.STATE)
			.doUpdate()
			.set(SENT_NOTIFICATION.FORMAT, format.setting())
			.set(SENT_NOTIFICATION.CONTENT_TYPE, message.contentType())
			.set(SENT_NOTIFICATION.BODY, message.body())
			.set(SENT_NOTIFICATION.HEADERS, headers)
			.set(SENT_NOTIFICATION.SEVERITY, push.severity().name())
			.set(SENT_NOTIFICATION.STATUS, SENDING)
			.set(SENT_NOTIFICATION.JOB_EXECUTION_ID, jobExecutionId)
			.execute());
	}

	/** One more request for the push. */
	void attempted(String webhook, LocalDate date, String findingId, String state) {
		ownTransaction.executeWithoutResult(tx -> dsl.update(SENT_NOTIFICATION)
			.set(SENT_NOTIFICATION.ATTEMPTS, SENT_NOTIFICATION.ATTEMPTS.plus(1))
			.where(key(webhook, date, findingId, state))
			.execute());
	}

	void sent(String webhook, LocalDate date, String findingId, String state, LocalDateTime nowUtc) {
		ownTransaction.executeWithoutResult(tx -> dsl.update(SENT_NOTIFICATION)
			.set(SENT_NOTIFICATION.STATUS, SENT)
			.set(SENT_NOTIFICATION.SENT_UTC, nowUtc)
			.setNull(SENT_NOTIFICATION.LAST_ERROR)
			.where(key(webhook, date, findingId, state))
			.execute());
	}

	void failed(String webhook, LocalDate date, String findingId, String state, String error) {
		ownTransaction.executeWithoutResult(tx -> dsl.update(SENT_NOTIFICATION)
			.set(SENT_NOTIFICATION.STATUS, FAILED)
			.set(SENT_NOTIFICATION.LAST_ERROR, error)
			.where(key(webhook, date, findingId, state))
			.execute());
	}

	private static org.jooq.Condition key(String webhook, LocalDate date, String findingId, String state) {
		return SENT_NOTIFICATION.WEBHOOK.eq(webhook)
			.and(SENT_NOTIFICATION.AUDIT_DATE.eq(date))
			.and(SENT_NOTIFICATION.FINDING_ID.eq(findingId))
			.and(SENT_NOTIFICATION.STATE.eq(state));
	}

}
