package dev.spendaudit.findings;

import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A person's word that a finding has been seen and needs no more noise ({@code spend-audit ack}): it stays in the
 * day's findings, marked, but no longer raises the day's status until the finding ends (RESOLVED) or {@code until}
 * has passed.
 *
 * @param note why, in the person's words (null when none was given)
 * @param until the last day it holds, inclusive; null: until the finding ends
 * @param at when it was given (UTC, ISO-8601)
 */
@JsonPropertyOrder({ "note", "until", "at" })
public record Acknowledgement(String note, LocalDate until, String at) {

	public Acknowledgement {
		Objects.requireNonNull(at, "at must not be null");
	}

	/** Whether it still holds on {@code day}. */
	public boolean holdsOn(LocalDate day) {
		return until == null || !day.isAfter(until);
	}

	/** {@code acknowledged: NOTE (until 2026-12-05)}, for a finding's line in the digest and on the terminal. */
	public String mark() {
		return "acknowledged" + (note == null || note.isBlank() ? "" : ": " + note)
				+ (until == null ? "" : " (until " + until + ")");
	}

}
