package dev.spendaudit.findings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.store.jooq.tables.records.FindingAckRecord;
import org.jooq.DSLContext;

import static dev.spendaudit.store.jooq.Tables.FINDING_ACK;

/**
 * The acknowledged findings, kept in the store ({@code finding_ack}) by their stable ids. The findings pipeline asks
 * {@link #on(String, LocalDate)} for every finding it stores; so may any feature that must stay quiet about an
 * acknowledged finding (the webhooks).
 */
public class Acknowledgements {

	private final DSLContext dsl;

	public Acknowledgements(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The acknowledgement in force for the finding {@code findingId} on {@code day}: none when it was never
	 * acknowledged or its {@code until} is before the day. A finding that has ended (RESOLVED) is never quieted: the
	 * pipeline does not ask for it, and a later run of the same event has another id.
	 */
	public Optional<Acknowledgement> on(String findingId, LocalDate day) {
		return find(findingId).filter(a -> a.holdsOn(day));
	}

	/** The acknowledgement of the finding, whatever its {@code until}. */
	public Optional<Acknowledgement> find(String findingId) {
		return dsl.selectFrom(FINDING_ACK)
			.where(FINDING_ACK.FINDING_ID.eq(findingId))
			.fetchOptional(Acknowledgements::of);
	}

	/** Acknowledges the finding, replacing what it had. */
	public Acknowledgement acknowledge(String findingId, LocalDate until, String note, LocalDateTime nowUtc) {
		String text = note == null || note.isBlank() ? null : note.strip();
		dsl.insertInto(FINDING_ACK)
			.set(FINDING_ACK.FINDING_ID, findingId)
			.set(FINDING_ACK.UNTIL_DATE, until)
			.set(FINDING_ACK.NOTE, text)
			.set(FINDING_ACK.ACKNOWLEDGED_AT_UTC, nowUtc)
			.onConflict(FINDING_ACK.FINDING_ID)
			.doUpdate()
			.set(FINDING_ACK.UNTIL_DATE, until)
			.set(FINDING_ACK.NOTE, text)
			.set(FINDING_ACK.ACKNOWLEDGED_AT_UTC, nowUtc)
			.execute();
		return new Acknowledgement(text, until, UtcTimes.iso(nowUtc));
	}

	/** Removes the finding's acknowledgement; false when it had none. */
	public boolean remove(String findingId) {
		return dsl.deleteFrom(FINDING_ACK).where(FINDING_ACK.FINDING_ID.eq(findingId)).execute() > 0;
	}

	/** Every acknowledgement, oldest first. */
	public List<Acknowledged> all() {
		return dsl.selectFrom(FINDING_ACK)
			.orderBy(FINDING_ACK.ACKNOWLEDGED_AT_UTC, FINDING_ACK.FINDING_ID)
			.fetch(r -> new Acknowledged(r.getFindingId(), of(r)));
	}

	private static Acknowledgement of(FindingAckRecord r) {
		return new Acknowledgement(r.getNote(), r.getUntilDate(), UtcTimes.iso(r.getAcknowledgedAtUtc()));
	}

	/** A finding's id and its acknowledgement. */
	public record Acknowledged(String findingId, Acknowledgement acknowledgement) {
	}

}
