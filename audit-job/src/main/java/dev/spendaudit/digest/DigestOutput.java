package dev.spendaudit.digest;

import java.nio.file.Path;

/**
 * Takes each rendered digest further once its files are written: the delivery feature composes the mail from it
 * ({@code digest-DATE.eml}). Implementations are beans; the digest feature does not know what they do with it.
 */
public interface DigestOutput {

	/**
	 * @param digest the day's rendered digest
	 * @param dir the folder the day's files were written to
	 * @param jobExecutionId the run that rendered it
	 */
	void rendered(RenderedDigest digest, Path dir, long jobExecutionId);

}
