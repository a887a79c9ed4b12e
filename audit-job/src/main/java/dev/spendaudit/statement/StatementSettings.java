package dev.spendaudit.statement;

import java.time.DayOfWeek;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which statements the nightly run mails ({@code spend-audit.statement.*}), each once per period.
 *
 * @param monthly the previous month's statement, on the first audited night of a month, whatever the cadence
 * @param weekly the previous ISO week's statement, on the first audited night on or after {@code weeklyOn}
 * ({@code digest.cadence: weekly} turns it on)
 * @param weeklyOn the day of the week the weekly statement is due
 */
@ConfigurationProperties(prefix = "spend-audit.statement", ignoreUnknownFields = false)
public record StatementSettings(@DefaultValue("true") boolean monthly, @DefaultValue("false") boolean weekly,
		@DefaultValue("MONDAY") DayOfWeek weeklyOn) {

	public StatementSettings {
		weeklyOn = weeklyOn == null ? DayOfWeek.MONDAY : weeklyOn;
	}

}
