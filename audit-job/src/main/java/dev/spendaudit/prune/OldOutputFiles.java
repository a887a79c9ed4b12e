package dev.spendaudit.prune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The output folder's per-day files ({@code digest-YYYY-MM-DD.json}, {@code .html}, {@code .txt}, {@code .eml} and
 * {@code digest-YYYY-MM-DD-*.png}) last written before a cutoff. Nothing else in the folder is touched, and a day
 * rerun lately keeps its files, whatever its date.
 */
final class OldOutputFiles {

	static final Pattern DAY_FILE = Pattern.compile("digest-(\\d{4}-\\d{2}-\\d{2})(\\.(json|html|txt|eml)|-.+\\.png)");

	private OldOutputFiles() {
	}

	/** What went: the files, and the first and last day they were of. */
	record Removed(List<Path> files, LocalDate firstDay, LocalDate lastDay) {
	}

	static Removed removeBefore(Path dir, Instant cutoff) {
		if (!Files.isDirectory(dir)) {
			return new Removed(List.of(), null, null);
		}
		List<Path> removed = new ArrayList<>();
		LocalDate first = null;
		LocalDate last = null;
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.sorted().toList()) {
				Matcher m = DAY_FILE.matcher(file.getFileName().toString());
				if (!m.matches() || !Files.isRegularFile(file)
						|| !Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
					continue;
				}
				Files.delete(file);
				removed.add(file);
				LocalDate day = LocalDate.parse(m.group(1));
				first = first == null || day.isBefore(first) ? day : first;
				last = last == null || day.isAfter(last) ? day : last;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prune " + dir + ": " + ex.getMessage(), ex);
		}
		return new Removed(List.copyOf(removed), first, last);
	}

}
