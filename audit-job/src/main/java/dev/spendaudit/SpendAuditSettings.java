package dev.spendaudit;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import dev.spendaudit.delivery.MailSettings;
import dev.spendaudit.digest.DigestSettings;
import dev.spendaudit.health.HealthSettings;
import dev.spendaudit.baseline.DetectionSettings;
import dev.spendaudit.baseline.PlannedWindow;
import dev.spendaudit.keywatch.RetiringKey;
import dev.spendaudit.schedule.ScheduleSettings;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.staleness.FreshnessSettings;
import dev.spendaudit.subscriptions.Subscription;
import dev.spendaudit.store.StoreSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting under {@code spend-audit}. One root record so that an unknown or misspelt key anywhere under the
 * prefix stops the run before any work ({@code ignoreUnknownFields = false}); each feature owns its nested record.
 *
 * @param zone the zone whose midnights bound an audited day (LiteLLM itself stores UTC wall-clock)
 * @param out where the per-day files are written unless {@code --out} says otherwise
 * @param source the LiteLLM database, read only
 * @param store where the job keeps its own tables
 * @param schedule in-process scheduling for the {@code schedule} command
 * @param digest how the digest is laid out
 * @param mail who gets the digest (the SMTP server itself is Spring's {@code spring.mail.*})
 * @param detection spike, drift, budget, unpriced and attribution thresholds
 * @param planned days a workload's spend is expected ({@code workload}, {@code from}, {@code to}, {@code note}):
 * shown as planned, never an ALERT, left out of later baselines
 * @param freeModels models that cost nothing per call (local models): names or globs such as {@code ollama/*}
 * @param freshness whether the spend log is still being written
 * @param subscriptions flat-fee plans whose calls carry no metered spend
 * @param retiringKeys keys being retired, watched until they go quiet
 * @param health the job's own health signals: heartbeat and Prometheus textfile
 * @param exitOnAlert exit with code 10 instead of 0 when an audited day is an ALERT, for schedulers that page on
 * exit status
 */
@ConfigurationProperties(prefix = "spend-audit", ignoreUnknownFields = false)
public record SpendAuditSettings(@DefaultValue("UTC") ZoneId zone, @DefaultValue("./out") Path out,
		@DefaultValue SourceSettings source, @DefaultValue StoreSettings store,
		@DefaultValue ScheduleSettings schedule, @DefaultValue DigestSettings digest,
		@DefaultValue MailSettings mail, @DefaultValue DetectionSettings detection, List<PlannedWindow> planned,
		List<String> freeModels, @DefaultValue FreshnessSettings freshness, List<Subscription> subscriptions,
		List<RetiringKey> retiringKeys, @DefaultValue HealthSettings health,
		@DefaultValue("false") boolean exitOnAlert) {

	public SpendAuditSettings {
		planned = planned == null ? List.of() : List.copyOf(planned);
		freeModels = freeModels == null ? List.of() : List.copyOf(freeModels);
		// lists are checked here, where each entry's index is known, so a message names the exact path
		subscriptions = Subscription.validated(subscriptions);
		retiringKeys = RetiringKey.validated(retiringKeys);
	}

}
