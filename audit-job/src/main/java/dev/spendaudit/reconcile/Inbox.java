package dev.spendaudit.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.spendaudit.core.SettingsException;
import dev.spendaudit.reconcile.bill.BillFile;
import dev.spendaudit.reconcile.bill.BillFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder: each regular file in it (not hidden, not {@code *.tmp}, which a download or a fetch is still
 * writing) is read once, remembered by its content's SHA-256, and read again only when the content changes. A
 * file that cannot be read is logged and reported by name and line, and nothing of it is stored.
 */
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private final Path folder;

	private final BillParser parser;

	private final BillStore store;

	private final Clock clock;

	public Inbox(Path folder, BillParser parser, BillStore store, Clock clock) {
		this.folder = folder;
		this.parser = parser;
		this.store = store;
		this.clock = clock;
	}

	public Path folder() {
		return folder;
	}

	/** Reads the files that are new or changed; reports every file in the inbox that cannot be read. */
	public InboxRead read() {
		if (!Files.isDirectory(folder)) {
			throw new SettingsException("spend-audit.reconcile.inbox " + folder + " is not a folder");
		}
		List<Path> files = files();
		int read = 0;
		List<String> names = new ArrayList<>();
		for (Path file : files) {
			String name = folder.relativize(file).toString();
			names.add(name);
			String sha256 = sha256(file);
			if (store.known(sha256)) {
				continue;
			}
			read++;
			Instant modified = modified(file);
			try {
				BillFile bill = parser.read(file);
				store.putFile(name, new BillFile(bill.path(), sha256, modified, bill.format(), bill.coverage(),
						bill.days(), bill.usage(), bill.requests()), clock.instant());
				log.info("Read bill {}: {}", name, bill.format());
			}
			catch (BillFormatException ex) {
				String error = ex.getMessage().replace(file.toString(), name);
				store.putUnreadable(name, sha256, modified, clock.instant(), error);
			}
		}
		List<UnreadableFile> unreadable = new ArrayList<>();
		for (Map.Entry<String, String> e : store.errors(names).entrySet()) {
			log.warn("Bill {} cannot be read, nothing of it is used: {}", e.getKey(), e.getValue());
			unreadable.add(new UnreadableFile(e.getKey(), line(e.getKey(), e.getValue()), e.getValue()));
		}
		return new InboxRead(files.size(), read, unreadable);
	}

	private List<Path> files() {
		try (Stream<Path> listed = Files.list(folder)) {
			return listed.filter(Files::isRegularFile).filter(p -> {
				String n = p.getFileName().toString();
				return !n.startsWith(".") && !n.endsWith(".tmp");
			}).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("spend-audit.reconcile.inbox " + folder + " cannot be listed", ex);
		}
	}

	/** The line a stored error names ({@code name line 14: ...}), 0 for the file as a whole. */
	static int line(String name, String error) {
		String prefix = name + " line ";
		if (!error.startsWith(prefix)) {
			return 0;
		}
		int end = error.indexOf(':', prefix.length());
		try {
			return Integer.parseInt(error.substring(prefix.length(), end < 0 ? error.length() : end));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static String sha256(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("bill " + file + " cannot be read", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("bill " + file + " cannot be read", ex);
		}
	}

}
