package dev.spendaudit.core;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a run that did its work exits ({@code spend-audit.exit-on-alert}). Bound at the root prefix, like
 * {@link CoreSettings}, so unknown names there are refused by the start-up check of every {@code spend-audit.*}
 * name.
 *
 * @param exitOnAlert exit with {@link ExitCode#ALERT} (10) instead of 0 when an audited day is an ALERT, for
 * schedulers that page on exit status
 */
@ConfigurationProperties(prefix = "spend-audit")
public record ExitSettings(@DefaultValue("false") boolean exitOnAlert) {

}
