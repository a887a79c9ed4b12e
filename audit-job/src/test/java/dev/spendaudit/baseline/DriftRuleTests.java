package dev.spendaudit.baseline;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DriftRuleTests {

	static final DriftRule RULE = new DriftRule(DetectionSettings.defaults().drift());

	@Test
	void aCreepToTwoDollarsADayIsAnAlertThatNoSingleDayShows() {
		// $0.30/day for four weeks, then $2.00/day for a week: S7 = 14, B7 = 2.10
		DriftRule.Verdict v = RULE.evaluate(14.0, 7 * 0.30);
		assertThat(v.excess()).isCloseTo(11.9, within(1e-9));
		assertThat(v.ratio()).isCloseTo(6.67, within(0.01));
		assertThat(v.severity()).isEqualTo(Severity.ALERT);
		// and no single $2 day passes the $5 daily alert floor
		assertThat(new SpikeRule(DetectionSettings.defaults()).evaluate(2.0, new RollingBaseline(0.30, 0.05, 28))
			.isAlert()).isFalse();
	}

	@Test
	void belowTenDollarsOfExcessIsQuiet() {
		DriftRule.Verdict v = RULE.evaluate(9.0, 0);
		assertThat(v.severity()).isNull();
		assertThat(v.rule()).isEqualTo("quiet: excess $9.00 < $10.00");
	}

	@Test
	void aLargeWorkloadGrowingByLessThanDoubleIsQuiet() {
		DriftRule.Verdict v = RULE.evaluate(300, 200);
		assertThat(v.severity()).isNull();
		assertThat(v.rule()).isEqualTo("quiet: 1.5× < 2×");
	}

}
