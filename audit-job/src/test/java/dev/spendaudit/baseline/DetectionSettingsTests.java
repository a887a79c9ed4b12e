package dev.spendaudit.baseline;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionSettingsTests {

	@Test
	void defaultsAreTheAnchorsMethod() {
		DetectionSettings s = DetectionSettings.defaults();
		assertThat(s.windowDays()).isEqualTo(28);
		assertThat(s.minHistoryDays()).isEqualTo(7);
		assertThat(s.spread()).isEqualTo(new DetectionSettings.Spread(1.4826, 0.25, 0.05));
		assertThat(s.alert()).isEqualTo(new DetectionSettings.Alert(5.00, 3, 4));
		assertThat(s.watch()).isEqualTo(new DetectionSettings.Watch(1.00, 3));
		assertThat(s.drift()).isEqualTo(new DetectionSettings.Drift(7, 10.00, 2));
		assertThat(s.budget()).isEqualTo(new DetectionSettings.Budget(0.80, 1.00, 7, 30));
		assertThat(s.unattributed()).isEqualTo(new DetectionSettings.Unattributed(0.05, 0.10));
		assertThat(s.unpricedSeverity()).isEqualTo(Severity.WATCH);
		assertThat(s.lookbackDays()).isEqualTo(35);
	}

}
