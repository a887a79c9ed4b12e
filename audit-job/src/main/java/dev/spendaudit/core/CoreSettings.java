package dev.spendaudit.core;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two settings every feature reads ({@code spend-audit.zone}, {@code spend-audit.out}). Bound at the root
 * prefix, where other features' records bind too, so unknown names there are refused by the start-up check of
 * every {@code spend-audit.*} name rather than by this record.
 *
 * @param zone the zone whose midnights bound an audited day (LiteLLM itself stores UTC wall-clock)
 * @param out where the per-day files are written unless {@code --out} says otherwise
 */
@ConfigurationProperties(prefix = "spend-audit")
public record CoreSettings(@DefaultValue("UTC") ZoneId zone, @DefaultValue("./out") Path out) {

}
