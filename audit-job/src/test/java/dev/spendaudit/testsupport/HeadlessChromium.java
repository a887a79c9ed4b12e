package dev.spendaudit.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's {@code chromium}, headless: loads a page from a file, lets its scripts run (virtual time), and returns
 * the DOM as it is then. {@code .ci/run} installs it and sets {@value #REQUIRED} (CI fails without it); on a machine
 * with only a JDK the browser check is skipped, saying how to run it, so the README's test command still works there.
 */
public final class HeadlessChromium {

	private static final long TIMEOUT_SECONDS = 120;

	/** Set (to anything) where a missing Chromium must fail the suite instead of skipping the browser check. */
	public static final String REQUIRED = "TEST_CHROMIUM_REQUIRED";

	private HeadlessChromium() {
	}

	public static String dumpDom(Path html, Path work) {
		return load(html, work).dom();
	}

	/**
	 * A page as a browser loaded it: its DOM, and Chromium's log with the page's console messages (the
	 * {@code CONSOLE(...)} lines of {@code --enable-logging=stderr}).
	 */
	public record Page(String dom, String log) {

		/** The console lines ({@code INFO:CONSOLE:1] "message", source: ...}): a script error is one. */
		public java.util.List<String> consoleMessages() {
			return log.lines().filter(l -> l.contains(":CONSOLE") || l.contains("CONSOLE(")).toList();
		}

	}

	public static Page load(Path html, Path work) {
		Path chromium = Path.of("/usr/bin/chromium");
		if (!Files.isExecutable(chromium)) {
			String why = "headless Chromium is needed to check the digest's HTML: apt-get install chromium";
			if (System.getenv(REQUIRED) != null) {
				fail(why);
			}
			Assumptions.abort(why);
		}
		try {
			Path profile = Files.createTempDirectory(work, "chromium-profile");
			Path dom = Files.createTempFile(work, "dom", ".html");
			Path log = Files.createTempFile(work, "chromium", ".log");
			// tests run as root, where Chromium refuses its sandbox; the page is our own file, never the network
			Process p = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
					"--disable-dev-shm-usage", "--no-first-run", "--enable-logging=stderr", "--v=0",
					"--user-data-dir=" + profile,
					"--virtual-time-budget=2000", "--dump-dom", html.toUri().toString()))
				.redirectOutput(dom.toFile())
				.redirectError(log.toFile())
				.start();
			if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(log));
			}
			String out = Files.readString(dom, StandardCharsets.UTF_8);
			if (p.exitValue() != 0 || out.isBlank()) {
				fail("chromium exited " + p.exitValue() + " without a DOM: " + Files.readString(log));
			}
			return new Page(out, Files.readString(log, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
