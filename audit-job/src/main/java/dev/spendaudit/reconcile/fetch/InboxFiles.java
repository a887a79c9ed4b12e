package dev.spendaudit.reconcile.fetch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves the pages of one request into the inbox, each written to a hidden temporary name ({@code .NAME.part}) and
 * renamed, so the inbox never holds a half-written file. A refetch of the same range replaces that range's files:
 * a page whose content is unchanged is left as it is (same name, same sha, same time), and pages past the new last
 * one are removed.
 */
final class InboxFiles {

	private InboxFiles() {
	}

	/** The saved files, page 1 first. */
	static List<Path> save(Path inbox, Endpoint endpoint, List<byte[]> pages) {
		try {
			Files.createDirectories(inbox);
			List<Path> saved = new ArrayList<>();
			for (int i = 0; i < pages.size(); i++) {
				saved.add(write(inbox.resolve(endpoint.fileName(i + 1)), pages.get(i)));
			}
			removePagesAfter(inbox, endpoint, pages.size());
			return saved;
		}
		catch (IOException ex) {
			throw new FetchFailedException("cannot save into the inbox " + inbox + ": " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		}
	}

	private static Path write(Path file, byte[] content) throws IOException {
		if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
			return file;
		}
		Path part = file.resolveSibling("." + file.getFileName() + ".part");
		try {
			Files.write(part, content);
			try {
				Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(part);
		}
		return file;
	}

	/** An earlier fetch of the same range that had more pages: its extra pages would double count. */
	private static void removePagesAfter(Path inbox, Endpoint endpoint, int last) throws IOException {
		Pattern page = Pattern.compile(Pattern.quote(endpoint.filePrefix()) + "-p(\\d{1,6})\\.json");
		try (Stream<Path> files = Files.list(inbox)) {
			for (Path file : files.toList()) {
				Matcher m = page.matcher(file.getFileName().toString());
				if (m.matches() && Long.parseLong(m.group(1)) > last) {
					Files.delete(file);
				}
			}
		}
	}

}
