package dev.spendaudit.reconcile.bill;

import java.nio.file.Path;

/**
 * A bill file that matches no format, or a line of it that does not parse: the message names the file and the line
 * ({@code bills/activity.csv line 14: cost_total "12,5" is not a number}); nothing of the file is used.
 */
public class BillFormatException extends RuntimeException {

	private final Path file;

	private final int line;

	/** {@code line} 0: the file as a whole (no format matched, or it is not valid JSON). */
	public BillFormatException(Path file, int line, String problem) {
		super(file + (line > 0 ? " line " + line : "") + ": " + problem);
		this.file = file;
		this.line = line;
	}

	public Path file() {
		return file;
	}

	public int line() {
		return line;
	}

}
