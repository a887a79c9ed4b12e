package dev.spendaudit.baseline;

import java.time.Clock;
import java.util.Optional;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.CoveredModels;
import dev.spendaudit.core.GatewayNames;
import dev.spendaudit.core.HistoryNeeds;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyHistory;
import dev.spendaudit.history.TeamHistory;
import dev.spendaudit.source.SourceGateways;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Detection: the day against its baselines, budgets, unpriced models and attribution, as a rule of step
 * {@code detectFindings}; and the digest section that shows its baseline and attribution health.
 */
@Configuration(proxyBeanMethods = false)
class DetectionStepConfiguration {

	@Bean
	DetectionStore detectionStore(DSLContext dsl) {
		return new DetectionStore(dsl);
	}

	@Bean
	DayDetector dayDetector(HistoryReader history, KeyHistory keyHistory, TeamHistory teams, SourceGateways gateways,
			GatewayNames gatewayNames,
			DetectionStore detectionStore,
			DetectionSettings detection, DetectionListSettings lists, ObjectProvider<CoveredModels> coveredModels,
			Clock clock) {
		// asked at detection time: no subscriptions feature (no bean) means no model is covered
		CoveredModels covered = (source, model, day) -> coveredModels.orderedStream()
			.map(c -> c.planFor(source, model, day))
			.flatMap(Optional::stream)
			.findFirst();
		gatewayNames.checkEach("spend-audit.planned", lists.planned(), PlannedWindow::source);
		return new DayDetector(history, keyHistory, teams, gateways, detectionStore, detection, lists, covered,
				clock);
	}

	/** The baselines look back over the drift days plus the window before them. */
	@Bean
	HistoryNeeds detectionHistoryNeeds(DetectionSettings detection) {
		return detection::lookbackDays;
	}

	@Bean
	@Order(10)
	DetectionRule detectionRule(DayDetector detector) {
		return new DetectionRule(detector);
	}

	@Bean
	@Order(10)
	DigestSection detectionDigestSection(DetectionStore detectionStore) {
		return new DetectionDigestSection(detectionStore);
	}

}
