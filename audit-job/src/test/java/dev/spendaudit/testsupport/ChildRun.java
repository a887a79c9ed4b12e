package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;

import static org.assertj.core.api.Assertions.fail;

/**
 * {@code spend-audit ARGS} in a child JVM with the test classpath, as a timer would start it: settings as system
 * properties, its clock fixed, optionally held at a {@link HoldPoints} point so the test can kill it there (SIGKILL:
 * {@link Process#destroyForcibly()} on Linux) or act while it waits.
 */
public final class ChildRun implements AutoCloseable {

	private static boolean archiveTried;

	private static Path archive;

	private final Process process;

	private final Path log;

	private final Path holdDir;

	private ChildRun(Process process, Path log, Path holdDir) {
		this.process = process;
		this.log = log;
		this.holdDir = holdDir;
	}

	/**
	 * Starts the child.
	 * @param holdAt the point to hold at, or null to run through
	 * @param dir a folder of the test's own for the hold files and the child's output ({@code child.log})
	 */
	public static ChildRun start(Endpoint source, Map<String, String> settings, Instant clock, String holdAt, Path dir,
			String... args) {
		try {
			Path holdDir = Files.createDirectories(dir);
			Path log = holdDir.resolve("child.log");
			List<String> command = java(source, settings, clock);
			sharedArchive(source, settings, clock).ifPresent(a -> command.add(1, "-XX:SharedArchiveFile=" + a));
			if (holdAt != null) {
				command.add("-D" + TestHooks.HOLD_DIR + "=" + holdDir);
				command.add("-D" + TestHooks.HOLD_AT + "=" + holdAt);
			}
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.spendaudit.SpendAuditApplication"));
			command.addAll(List.of(args));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			return new ChildRun(process, log, holdDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> java(Endpoint source, Map<String, String> settings, Instant clock) {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
				"-D" + TestHooks.CLOCK + "=" + clock));
		command.add("-Dspend-audit.source.url=" + source.url());
		command.add("-Dspend-audit.source.username=" + source.username());
		command.add("-Dspend-audit.source.password=" + source.password());
		settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
		return command;
	}

	/**
	 * A class-data-sharing archive of the application booted whole, made once per test JVM by a child that runs
	 * {@code status} and exits (a killed JVM writes none): the children after it start in about half the time, as
	 * the installed command does with its own archive. Empty where the JVM cannot make one.
	 */
	private static synchronized Optional<Path> sharedArchive(Endpoint source, Map<String, String> settings,
			Instant clock) throws IOException {
		if (archiveTried) {
			return Optional.ofNullable(archive);
		}
		archiveTried = true;
		Path dir = Files.createTempDirectory("spend-audit-cds");
		Path file = dir.resolve("children.jsa");
		List<String> command = java(source, settings, clock);
		command.add(1, "-XX:ArchiveClassesAtExit=" + file);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.spendaudit.SpendAuditApplication",
				"status", "--days", "1"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("archive.log").toFile())
			.start();
		try {
			process.waitFor(180, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process.destroyForcibly();
		file.toFile().deleteOnExit();
		dir.resolve("archive.log").toFile().deleteOnExit();
		dir.toFile().deleteOnExit();
		archive = Files.isRegularFile(file) ? file : null;
		return Optional.ofNullable(archive);
	}

	/** Waits until the child holds at its point; fails (with its output) if it ends first or takes minutes. */
	public ChildRun awaitHeld() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!Files.exists(holdDir.resolve("held-at"))) {
			if (!process.isAlive() && !Files.exists(holdDir.resolve("held-at"))) {
				fail("the child exited " + process.exitValue() + " before its hold point:\n" + output());
			}
			if (System.nanoTime() > deadline) {
				fail("the child did not reach its hold point in 180 s:\n" + output());
			}
			Thread.sleep(20);
		}
		return this;
	}

	/** SIGKILL, and waits for the process to be gone. */
	public int kill() throws InterruptedException {
		process.destroyForcibly();
		return process.waitFor();
	}

	/** Lets a held child go on. */
	public void release() throws IOException {
		Files.createFile(holdDir.resolve("release"));
	}

	/** Waits for the child to end by itself and returns its exit status. */
	public int awaitExit() throws InterruptedException {
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			fail("the child did not end in 180 s:\n" + output());
		}
		return process.exitValue();
	}

	public String output() {
		try {
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}

}
