package dev.spendaudit.digest;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.spendaudit.core.ExitCode;

/**
 * A day's file cannot be written to the output folder ({@code --out}, {@code spend-audit.out}): exit code 7. The
 * message names the file and the reason.
 */
public class OutputNotWritableException extends UncheckedIOException implements ExitCode.Coded {

	OutputNotWritableException(String message, IOException cause) {
		super(message, cause);
	}

	@Override
	public ExitCode exitCode() {
		return ExitCode.OUTPUT;
	}

}
