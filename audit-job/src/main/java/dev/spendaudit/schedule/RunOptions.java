package dev.spendaudit.schedule;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How one audited day is run.
 *
 * @param outDir where the day's files go
 * @param send whether the digest may be mailed (it still goes out at most once per day)
 * @param resend whether a digest already sent for the day is sent again
 * @param commandPrefix how this installation is invoked, for the rerun command printed in the digest
 */
public record RunOptions(Path outDir, boolean send, boolean resend, String commandPrefix) {

	public RunOptions {
		Objects.requireNonNull(outDir, "outDir must not be null");
		commandPrefix = commandPrefix == null ? "java -jar spend-audit.jar" : commandPrefix;
	}

}
