package dev.spendaudit.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.digest.PageRenderer;

/**
 * Writes the archive into an output folder: after a night only the pages that night changed (the index, its
 * month, its workloads), or every page ({@link #rebuild}), from one read of the store's history. Only the
 * {@link ArchiveSettings#maxWorkloads() largest workloads} get a page.
 */
public class Archive {

	static final String INDEX = "archive-index.ftlh";

	static final String MONTH = "archive-month.ftlh";

	static final String WORKLOAD = "archive-workload.ftlh";

	private static final Pattern DIGEST = Pattern.compile("digest-(\\d{4}-\\d{2}-\\d{2})\\.html");

	private static final Pattern PAGE = Pattern.compile("(\\d{4}-\\d{2}|workload-[a-z0-9-]+)\\.html");

	private final ArchiveHistory history;

	private final PageRenderer renderer;

	private final ArchiveSettings settings;

	Archive(ArchiveHistory history, PageRenderer renderer, ArchiveSettings settings) {
		this.history = history;
		this.renderer = renderer;
		this.settings = settings;
	}

	/** The files written, and how long it took. */
	public record Written(List<Path> files, long millis) {
	}

	/**
	 * The pages the nights of {@code dates} changed (one night, or every day of a range or catch-up on its last
	 * day): the index, each night's month (and, on a month's first night, the months either side, for their link to
	 * it), the nights' workloads, and any month or workload page not written yet (the first night, whose history
	 * was rolled up before it, or a workload seen only on a rolled-up day).
	 */
	public Written update(Path out, Collection<LocalDate> dates) {
		long started = System.nanoTime();
		ArchiveSnapshot snapshot = history.read();
		ArchivePages pages = new ArchivePages(snapshot, digests(out), settings.maxWorkloads());
		Path dir = out.resolve(ArchiveFiles.DIR);
		List<Path> files = new ArrayList<>();
		files.add(write(out, ArchiveFiles.INDEX, INDEX, pages.index()));
		TreeSet<YearMonth> months = pages.months();
		Set<String> workloads = new HashSet<>();
		Set<YearMonth> changed = new HashSet<>();
		for (LocalDate date : dates) {
			if (snapshot.days().containsKey(date)) {
				workloads.addAll(snapshot.workloadsOn(date));
			}
			YearMonth night = YearMonth.from(date);
			changed.add(night);
			// a month's first page gives the months either side their link to it
			if (!Files.exists(dir.resolve(ArchiveFiles.month(night)))) {
				Optional.ofNullable(months.lower(night)).ifPresent(changed::add);
				Optional.ofNullable(months.higher(night)).ifPresent(changed::add);
			}
		}
		for (YearMonth month : months) {
			if (changed.contains(month) || !Files.exists(dir.resolve(ArchiveFiles.month(month)))) {
				files.add(write(dir, ArchiveFiles.month(month), MONTH, pages.month(month)));
			}
		}
		for (String w : pages.paged()) {
			if (workloads.contains(w) || !Files.exists(dir.resolve(ArchiveFiles.workload(w)))) {
				files.add(write(dir, ArchiveFiles.workload(w), WORKLOAD, pages.workload(w)));
			}
		}
		return new Written(files, (System.nanoTime() - started) / 1_000_000);
	}

	/** Every page, and the month and workload pages the store no longer has removed. */
	public Written rebuild(Path out) {
		long started = System.nanoTime();
		ArchiveSnapshot snapshot = history.read();
		ArchivePages pages = new ArchivePages(snapshot, digests(out), settings.maxWorkloads());
		Path dir = out.resolve(ArchiveFiles.DIR);
		List<Path> files = new ArrayList<>();
		files.add(write(out, ArchiveFiles.INDEX, INDEX, pages.index()));
		for (YearMonth month : pages.months()) {
			files.add(write(dir, ArchiveFiles.month(month), MONTH, pages.month(month)));
		}
		for (String w : pages.paged()) {
			files.add(write(dir, ArchiveFiles.workload(w), WORKLOAD, pages.workload(w)));
		}
		removeStale(dir, new HashSet<>(files));
		return new Written(files, (System.nanoTime() - started) / 1_000_000);
	}

	private Path write(Path dir, String name, String template, Map<String, Object> model) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + dir + ": " + ex.getMessage(), ex);
		}
		return DigestFiles.write(dir, name, renderer.render(template, model));
	}

	/** The days whose {@code digest-D.html} is in the folder, from one listing of it. */
	static Set<LocalDate> digests(Path out) {
		Set<LocalDate> days = new HashSet<>();
		if (!Files.isDirectory(out)) {
			return days;
		}
		try (Stream<Path> files = Files.list(out)) {
			files.forEach(f -> {
				Matcher m = DIGEST.matcher(f.getFileName().toString());
				if (m.matches()) {
					days.add(LocalDate.parse(m.group(1)));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + out + ": " + ex.getMessage(), ex);
		}
		return days;
	}

	private static void removeStale(Path dir, Set<Path> written) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(f -> PAGE.matcher(f.getFileName().toString()).matches())
				.filter(f -> !written.contains(f)).toList()) {
				Files.deleteIfExists(f);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot tidy " + dir + ": " + ex.getMessage(), ex);
		}
	}

}
