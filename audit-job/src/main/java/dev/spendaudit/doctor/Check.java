package dev.spendaudit.doctor;

import java.util.Objects;

/**
 * One line of the doctor's report.
 *
 * @param name what was checked, dotted ({@code source.index}); stable, for scripts
 * @param detail what was found, one sentence
 * @param fix what to do about a WARN or FAIL; null for OK
 */
public record Check(String name, Status status, String detail, String fix) {

	public Check {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(status, "status must not be null");
		Objects.requireNonNull(detail, "detail must not be null");
		if (status != Status.OK && (fix == null || fix.isBlank())) {
			throw new IllegalArgumentException(name + ": a " + status + " needs a fix");
		}
	}

	public static Check ok(String name, String detail) {
		return new Check(name, Status.OK, detail, null);
	}

	public static Check warn(String name, String detail, String fix) {
		return new Check(name, Status.WARN, detail, fix);
	}

	public static Check fail(String name, String detail, String fix) {
		return new Check(name, Status.FAIL, detail, fix);
	}

	/** The same check with every secret in its text replaced by its mask. */
	Check scrubbed(Secrets secrets) {
		return new Check(name, status, secrets.scrub(detail), fix == null ? null : secrets.scrub(fix));
	}

}
