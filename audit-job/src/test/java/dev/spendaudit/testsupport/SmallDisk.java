package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tiny tmpfs mounted for one test, to fill up on purpose. Mounting needs root (or CAP_SYS_ADMIN) and a kernel
 * that lets the container mount; where it cannot, the test is skipped with the reason, never failed.
 */
public final class SmallDisk implements AutoCloseable {

	private final Path mountPoint;

	private SmallDisk(Path mountPoint) {
		this.mountPoint = mountPoint;
	}

	/** Mounts a tmpfs of {@code size} ({@code 64k}) on a new folder, or skips the calling test. */
	public static SmallDisk mount(String size) {
		try {
			Path point = Files.createTempDirectory("spend-audit-small-disk-");
			String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", point.toString());
			if (failure != null) {
				Files.deleteIfExists(point);
			}
			assumeTrue(failure == null, () -> "skipped: this machine does not let the test mount a tmpfs"
					+ " (mount -t tmpfs -o size=" + size + ": " + failure + ")");
			return new SmallDisk(point);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path path() {
		return mountPoint;
	}

	/** Gives the disk a new size, keeping what is on it: {@code 8m} when the test has seen it full. */
	public void resize(String size) {
		String failure = run("mount", "-o", "remount,size=" + size, mountPoint.toString());
		if (failure != null) {
			throw new IllegalStateException("cannot resize " + mountPoint + ": " + failure);
		}
	}

	@Override
	public void close() {
		String failure = run("umount", mountPoint.toString());
		if (failure != null) {
			throw new IllegalStateException("cannot unmount " + mountPoint + ": " + failure);
		}
		try {
			Files.deleteIfExists(mountPoint);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs a command; null when it succeeded, else its output (or why it could not start). */
	private static String run(String... command) {
		List<String> line = new ArrayList<>(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return process.waitFor() == 0 ? null : output.isEmpty() ? "exit " + process.exitValue() : output;
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
