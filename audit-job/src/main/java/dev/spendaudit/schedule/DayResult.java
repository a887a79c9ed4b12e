package dev.spendaudit.schedule;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * How one audited day ended.
 *
 * @param failure one line saying why, when the day failed; null when it completed
 */
public record DayResult(LocalDate date, long executionId, Path digestJson, String failure) {

	public boolean succeeded() {
		return failure == null;
	}

}
