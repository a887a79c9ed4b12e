package dev.spendaudit.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a spend-audit process ends, for a scheduler to act on. The table is a contract: a later feature reuses these
 * codes, or adds a new one here; a code is never given a second meaning.
 */
public enum ExitCode {

	/** The run did what it was asked, whatever the findings. */
	DONE(0, "done (whatever the findings)"),
	/** A day failed for a reason none of the codes below names. */
	FAILED(1, "a day failed for any other reason"),
	/** The command line was wrong; nothing was done. */
	USAGE(2, "bad command line (nothing was done)"),
	/** A setting is unknown, invalid or missing; nothing was done. */
	CONFIG(3, "bad configuration (nothing was done)"),
	/** A source database cannot be used: unreachable, login refused, not LiteLLM's. */
	SOURCE(4, "a source database is unusable"),
	/** The job's own store cannot be used: unreachable, migrations failed, the day lock cannot be taken. */
	STORE(5, "the store is unusable"),
	/** The digest could not be mailed; it is kept on disk for the next run or resend. */
	DELIVERY(6, "delivery failed"),
	/** The output folder cannot be written. */
	OUTPUT(7, "output not writable"),
	/** The day is being audited by another run right now. */
	DAY_LOCKED(8, "the day is being audited by another run"),
	/** Done, but the day is an ALERT: only with {@code spend-audit.exit-on-alert: true}. */
	ALERT(10, "done, but the day is an ALERT (with spend-audit.exit-on-alert: true)");

	private final int code;

	private final String meaning;

	ExitCode(int code, String meaning) {
		this.code = code;
		this.meaning = meaning;
	}

	public int code() {
		return code;
	}

	public String meaning() {
		return meaning;
	}

	/** Whether the run did its work (0, or 10 for an ALERT day). */
	public boolean done() {
		return this == DONE || this == ALERT;
	}

	/**
	 * The code a failure ends the run with: the first {@link Coded} exception in its cause chain says, anything
	 * else is {@link #FAILED}.
	 */
	public static ExitCode of(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof Coded coded) {
				return coded.exitCode();
			}
		}
		return FAILED;
	}

	/** Code to meaning, in order, for {@code --help}. */
	public static Map<String, String> table() {
		Map<String, String> table = new LinkedHashMap<>();
		for (ExitCode exit : values()) {
			table.put(String.valueOf(exit.code), exit.meaning);
		}
		return table;
	}

	/** An exception that knows which exit code it ends a run with. */
	public interface Coded {

		ExitCode exitCode();

	}

}
