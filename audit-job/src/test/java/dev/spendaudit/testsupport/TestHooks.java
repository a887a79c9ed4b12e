package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.spendaudit.digest.DigestSection;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hooks for applications booted the way a user boots them (the command line in the test JVM, or a child JVM with
 * the test classpath), switched on by system properties that nothing but this test-scope class reads:
 * <ul>
 * <li>{@value #CLOCK}: the application's {@link Clock} is fixed at that instant (e.g. three days ahead);</li>
 * <li>{@value #HOLD_DIR}: the first day's digest, once assembled, creates {@code held-DATE} in that folder and
 * waits until {@code release} appears there, so a test can act (send SIGTERM) while a day is being audited;</li>
 * <li>{@value #HOLD_AT} (with {@value #HOLD_DIR}): instead, the run holds at that point ({@link HoldPoints}: a step
 * boundary, mid-rollup, between SMTP acceptance and the SENT record), so a test can kill it or act there.</li>
 * </ul>
 */
public final class TestHooks implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String CLOCK = "spend-audit-test.clock";

	public static final String HOLD_DIR = "spend-audit-test.hold-dir";

	public static final String HOLD_AT = "spend-audit-test.hold-at";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String clock = System.getProperty(CLOCK);
		if (clock != null && !context.getBeanFactory().containsSingleton("clock")) {
			context.getBeanFactory().registerSingleton("clock", Clock.fixed(Instant.parse(clock), ZoneOffset.UTC));
		}
		String hold = System.getProperty(HOLD_DIR);
		String holdAt = System.getProperty(HOLD_AT);
		if (hold != null && holdAt != null) {
			HoldPoints points = new HoldPoints(holdAt, Path.of(hold));
			context.getBeanFactory().addBeanPostProcessor(points.steps());
			context.getBeanFactory().registerSingleton("holdingStatements", points.statements());
		}
		else if (hold != null) {
			context.getBeanFactory().registerSingleton("holdingSection", holding(Path.of(hold)));
		}
	}

	/** Runs {@code body} with the clock fixed at {@code instant} for every application it boots. */
	public static <T> T withClock(Instant instant, java.util.function.Supplier<T> body) {
		System.setProperty(CLOCK, instant.toString());
		try {
			return body.get();
		}
		finally {
			System.clearProperty(CLOCK);
		}
	}

	private static DigestSection holding(Path dir) {
		return core -> {
			try {
				Path released = dir.resolve("release");
				if (!Files.exists(released)) {
					Files.createFile(dir.resolve("held-" + core.date()));
					while (!Files.exists(released)) {
						// waiting on the test's file; the test creates it once it has seen the process stopping
						Thread.sleep(20);
					}
				}
				return Map.of();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		};
	}

}
