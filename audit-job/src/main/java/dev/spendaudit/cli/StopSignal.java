package dev.spendaudit.cli;

import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop rather than the JVM's own shutdown: a signal the JVM handles itself ends
 * the process with 143 (128 + 15) whatever the program does, so {@code schedule} takes the two signals over, stops
 * its running day cleanly, closes the context and exits 0. ({@code sun.misc.Signal} is the JDK's supported way to
 * do this: it lives in {@code jdk.unsupported}, which stays exported for exactly such uses.)
 */
final class StopSignal {

	private final CountDownLatch received = new CountDownLatch(1);

	private volatile String name;

	private StopSignal() {
	}

	/** From now on SIGTERM and SIGINT release {@link #await()} instead of shutting the JVM down. */
	static StopSignal install() {
		StopSignal stop = new StopSignal();
		for (String signal : new String[] { "TERM", "INT" }) {
			Signal.handle(new Signal(signal), s -> {
				stop.name = "SIG" + s.getName();
				stop.received.countDown();
			});
		}
		return stop;
	}

	/** Waits for a signal and returns its name ({@code SIGTERM}). */
	String await() throws InterruptedException {
		received.await();
		return name;
	}

}
