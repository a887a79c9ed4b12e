package dev.spendaudit.testsupport;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.source.demo.Call;

/**
 * Regular generated calls for tests: one key calling one model every {@code step}, with a fixed spend.
 */
public final class Traffic {

	private Traffic() {
	}

	/** Calls at {@code from}, {@code from + step}, ... before {@code to}. */
	public static List<Call> every(Duration step, LocalDateTime from, LocalDateTime to, String apiKey, String alias,
			String model, String provider, double spend) {
		List<Call> calls = new ArrayList<>();
		int i = 0;
		for (LocalDateTime t = from; t.isBefore(to); t = t.plus(step)) {
			calls.add(Call.of(alias + "-" + t + "-" + i++, apiKey, alias, model, provider, t, spend, 1_000, 200));
		}
		return calls;
	}

	/** The calls outside {@code [from, to)}: what the spend log kept while logging was off. */
	public static List<Call> without(List<Call> calls, LocalDateTime from, LocalDateTime to) {
		return calls.stream().filter(c -> c.startTimeUtc().isBefore(from) || !c.startTimeUtc().isBefore(to)).toList();
	}

	/** The calls inside {@code [from, to)}. */
	public static List<Call> within(List<Call> calls, LocalDateTime from, LocalDateTime to) {
		return calls.stream().filter(c -> !c.startTimeUtc().isBefore(from) && c.startTimeUtc().isBefore(to)).toList();
	}

	public static double spend(List<Call> calls) {
		return calls.stream().mapToDouble(Call::spend).sum();
	}

}
