package dev.spendaudit.baseline;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The two lists detection reads directly under {@code spend-audit}: {@code planned} and {@code free-models}.
 *
 * @param planned days a workload's spend is expected ({@code workload}, {@code from}, {@code to}, {@code note}):
 * shown as planned, never an ALERT, left out of later baselines
 * @param freeModels models that cost nothing per call (local models): names or globs such as {@code ollama/*}
 */
@ConfigurationProperties(prefix = "spend-audit")
public record DetectionListSettings(List<PlannedWindow> planned, List<String> freeModels) {

	public DetectionListSettings {
		planned = planned == null ? List.of() : List.copyOf(planned);
		freeModels = freeModels == null ? List.of() : List.copyOf(freeModels);
	}

}
