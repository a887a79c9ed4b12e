package dev.spendaudit.failures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.spendaudit.findings.Detected;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.source.Attribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A workload failing a fifth of its calls, at least 20 times, is a WATCH; a few failures are not. */
class FailureRuleTests {

	static final FailureSettings DEFAULTS = new FailureSettings(new BigDecimal("0.20"), 20);

	@Test
	void aWorkloadFailingAFifthOfItsCallsIsAWatch() {
		List<Detected> found = FailureRule.check(List.of(row("vk-hermes", "gpt-4.1-mini", 100, 30, "0.50"),
				row("vk-hermes", "claude-sonnet-4", 20, 0, "1.20"), row("vk-notes", "gpt-4.1-mini", 400, 19, "2")),
				DEFAULTS);
		assertThat(found).hasSize(1);
		Detected d = found.get(0);
		assertThat(d.kind()).isEqualTo("FAILURES");
		assertThat(d.subject()).isEqualTo("workload:vk-hermes");
		assertThat(d.actualUsd()).isEqualByComparingTo("1.70");
		assertThat(d.reason()).isEqualTo(
				"vk-hermes: 30 of 120 requests failed (25%, $1.70 spent on the day); check the caller and its provider key");
		assertThat(((FailureRule.Failures) d.details()).share()).isEqualByComparingTo("0.25");
	}

	@Test
	void fewFailuresOrALowShareStayQuiet() {
		assertThat(FailureRule.check(List.of(row("vk-quiet", "m", 5, 4, "0.01")), DEFAULTS)).isEmpty();
		assertThat(FailureRule.check(List.of(row("vk-busy", "m", 1000, 150, "9")), DEFAULTS)).isEmpty();
		assertThat(FailureRule.check(List.of(row("vk-busy", "m", 1000, 150, "9")),
				new FailureSettings(new BigDecimal("0.15"), 20))).hasSize(1);
	}

	static KeyModelRow row(String workload, String model, long requests, long failed, String usd) {
		return new KeyModelRow(LocalDate.of(2026, 11, 26), "default", "hash-" + workload, workload,
				Attribution.KEY_ALIAS, model, "openai", new BigDecimal(usd), requests, failed, 0, 1000, 100, 0, null, 0,
				0, 0);
	}

}
