package dev.spendaudit.core;

/**
 * Where long work inside a day reports how far it is (the history a first night rolls up), for a terminal's
 * progress bar. Silent unless the command line listens.
 */
public final class Progress {

	/** Hears the steps of a task. */
	@FunctionalInterface
	public interface Listener {

		/**
		 * {@code done} of {@code total} steps of {@code task} are done; {@code current} is the one under way
		 * (null once all are done).
		 */
		void step(String task, int done, int total, String current);

	}

	private volatile Listener listener = (task, done, total, current) -> {
	};

	/** From now on {@code listener} hears the steps. */
	public void listen(Listener listener) {
		this.listener = listener;
	}

	public void step(String task, int done, int total, String current) {
		listener.step(task, done, total, current);
	}

}
