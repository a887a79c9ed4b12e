package dev.spendaudit.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

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

	public Path writeJson(Path dir, DigestDocument document) {
		return write(dir, name(document.date(), "json"), JSON.writeValueAsString(document) + "\n");
	}

	public static String name(LocalDate date, String extension) {
		return "digest-" + date + "." + extension;
	}

	public static Path write(Path dir, String fileName, String content) {
		return write(dir, fileName, content.getBytes(StandardCharsets.UTF_8));
	}

	public static Path write(Path dir, String fileName, byte[] content) {
		try {
			Files.createDirectories(dir);
			Path target = dir.resolve(fileName);
			Path temp = Files.createTempFile(dir, "." + fileName, ".tmp");
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
			throw new UncheckedIOException("cannot write " + dir.resolve(fileName) + ": " + ex.getMessage(), ex);
		}
	}

}
