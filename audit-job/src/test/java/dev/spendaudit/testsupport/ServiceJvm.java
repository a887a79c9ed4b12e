package dev.spendaudit.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * One command of the application in a child JVM started with the JVM options of {@code deploy/spend-audit.service}
 * (its heap and JIT options; not its class-data archive, which only the installed jar has, nor its log options),
 * the test classpath, a fixed clock and the given environment, with its stdout and stderr captured apart and its
 * peak resident memory (the kernel's {@code VmHWM}, read while it runs) measured.
 */
public final class ServiceJvm {

	/** How long a command may take before the test gives up on it (a hang, not a slow run). */
	private static final long TIMEOUT_SECONDS = 300;

	private ServiceJvm() {
	}

	/**
	 * @param peakRssKb the highest {@code VmHWM} seen while the process ran, in KiB (the kernel's high-water mark
	 * of its resident set, so a later read never misses an earlier peak)
	 */
	public record Result(int exitCode, String stdout, String stderr, long peakRssKb) {

		public String output() {
			return stdout + stderr;
		}

	}

	/** The {@code -X} options of the service's {@code ExecStart} that a classpath launch can use. */
	public static List<String> serviceOptions() {
		try {
			String unit = Files.readString(Path.of("../deploy/spend-audit.service"));
			String exec = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
			return Arrays.stream(exec.split("\\s+"))
				.filter(o -> o.startsWith("-X") && !o.startsWith("-XX:SharedArchiveFile") && !o.startsWith("-Xlog"))
				.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	public static Result run(Instant clock, Map<String, String> env, Path work, String... args) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(serviceOptions());
		command.add("-D" + TestHooks.CLOCK + "=" + clock);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("dev.spendaudit.SpendAuditApplication");
		command.addAll(List.of(args));
		try {
			Files.createDirectories(work);
			Path stdout = Files.createTempFile(work, "stdout", ".log");
			Path stderr = Files.createTempFile(work, "stderr", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			builder.environment().keySet().removeIf(k -> k.startsWith("SPEND_AUDIT_") || k.startsWith("SPRING_"));
			builder.environment().putAll(env);
			Process process = builder.start();
			Path status = Path.of("/proc", Long.toString(process.pid()), "status");
			long peak = 0;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
			// waitFor returns as soon as the process ends; the pause only paces the reads of its memory
			while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
				peak = Math.max(peak, highWaterMarkKb(status));
				if (System.nanoTime() > deadline) {
					process.destroyForcibly();
					fail(String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS + " s:\n"
							+ Files.readString(stdout) + Files.readString(stderr));
				}
			}
			return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr), peak);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long highWaterMarkKb(Path status) {
		try {
			return Files.readAllLines(status)
				.stream()
				.filter(l -> l.startsWith("VmHWM:"))
				.mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0);
		}
		catch (IOException | RuntimeException ex) {
			return 0; // the process ended between two reads
		}
	}

}
