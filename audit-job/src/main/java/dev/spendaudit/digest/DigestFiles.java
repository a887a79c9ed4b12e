package dev.spendaudit.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a day's digest files into the output folder. Each file is written to a temporary name and moved into
 * place, so a reader never sees half a file and a crash never leaves one.
 */
public class DigestFiles {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	/** What a file being written is called until it is complete. */
	static final String TEMP_SUFFIX = ".tmp";

	public Path writeJson(Path dir, DigestDocument document) {
		return write(dir, name(document.date(), "json"), JSON.writeValueAsString(document) + "\n");
	}

	/**
	 * Writes the rendered digest next to the JSON: {@code digest-DATE.html} (its images pointing at the PNGs
	 * beside it, so it opens in a browser), {@code digest-DATE.txt} and one {@code digest-DATE-NAME.png} per image.
	 * PNGs of an earlier rendering of the day that this one no longer has are removed.
	 */
	public void writeRendered(Path dir, DigestRenderer.Rendering rendering) {
		RenderedDigest digest = rendering.digest();
		write(dir, name(digest.date(), "html"), rendering.htmlFile());
		write(dir, name(digest.date(), "txt"), digest.text());
		Set<String> current = new HashSet<>();
		for (InlineImage image : digest.images()) {
			write(dir, image.fileName(), image.png());
			current.add(image.fileName());
		}
		String prefix = "digest-" + digest.date() + "-";
		try (Stream<Path> files = Files.list(dir)) {
			for (Path stale : files.filter(p -> p.getFileName().toString().startsWith(prefix))
				.filter(p -> p.getFileName().toString().endsWith(".png"))
				.filter(p -> !current.contains(p.getFileName().toString()))
				.toList()) {
				Files.deleteIfExists(stale);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot tidy " + dir + ": " + ex.getMessage(), ex);
		}
	}

	public static String name(LocalDate date, String extension) {
		return "digest-" + date + "." + extension;
	}

	/** An image's file name: {@code digest-2026-11-26-spend-30d.png}. */
	public static String imageName(LocalDate date, String image) {
		return "digest-" + date + "-" + image + ".png";
	}

	public static Path write(Path dir, String fileName, String content) {
		return write(dir, fileName, content.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Writes {@code fileName} whole or not at all: the bytes go to a temporary name in the same folder
	 * ({@code .NAME*.tmp}, which nothing reads: {@code resend}, the next run and {@code prune} go by the final names),
	 * then replace the file in one rename. A write that fails (a full disk) removes its temporary file and leaves
	 * the previous file, if any, as it was; a temporary file a killed process left behind is removed first.
	 * @throws OutputNotWritableException naming the file and the reason
	 */
	public static Path write(Path dir, String fileName, byte[] content) {
		Path target = dir.resolve(fileName);
		Path temp = null;
		try {
			Files.createDirectories(dir);
			removeLeftovers(dir, fileName);
			temp = Files.createTempFile(dir, "." + fileName, TEMP_SUFFIX);
			Files.write(temp, content);
			try {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new OutputNotWritableException("cannot write " + target + ": " + reason(ex), ex);
		}
	}

	private static void removeLeftovers(Path dir, String fileName) throws IOException {
		try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir,
				p -> p.getFileName().toString().startsWith("." + fileName)
						&& p.getFileName().toString().endsWith(TEMP_SUFFIX))) {
			for (Path leftover : leftovers) {
				Files.deleteIfExists(leftover);
			}
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp == null) {
			return;
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ignored) {
			// the reason the write failed is the one worth reporting
		}
	}

	/**
	 * Makes sure the output folder exists and takes files, before any day is audited.
	 * @throws OutputNotWritableException naming the folder and the reason when it does not
	 */
	public static void checkWritable(Path dir) {
		try {
			Files.createDirectories(dir);
			Files.delete(Files.createTempFile(dir, ".spend-audit-", ".probe"));
		}
		catch (IOException ex) {
			throw new OutputNotWritableException("the output folder " + dir.toAbsolutePath()
					+ " is not writable (--out, spend-audit.out): " + reason(ex), ex);
		}
	}

	/** The file system's reason: {@code Not a directory}, {@code Permission denied}, ... */
	private static String reason(IOException ex) {
		if (ex instanceof FileAlreadyExistsException exists) {
			return "a file is in the way at " + exists.getFile();
		}
		if (ex instanceof AccessDeniedException denied) {
			return "permission denied on " + denied.getFile();
		}
		if (ex instanceof FileSystemException fs && fs.getReason() != null) {
			return fs.getReason() + (fs.getFile() != null ? " (" + fs.getFile() + ")" : "");
		}
		return ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
