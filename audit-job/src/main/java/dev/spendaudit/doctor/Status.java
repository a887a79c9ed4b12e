package dev.spendaudit.doctor;

/** A check's verdict, mildest first. */
public enum Status {

	/** Nothing to do. */
	OK,
	/** It works, but not as it should (a fix is given). */
	WARN,
	/** The nightly run would fail or audit the wrong thing (a fix is given); {@code doctor} exits non-zero. */
	FAIL;

	Status worse(Status other) {
		return other.ordinal() > ordinal() ? other : this;
	}

}
