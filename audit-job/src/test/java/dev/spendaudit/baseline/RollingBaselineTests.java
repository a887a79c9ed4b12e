package dev.spendaudit.baseline;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingBaselineTests {

	static final DetectionSettings.Spread FLOORS = DetectionSettings.defaults().spread();

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(RollingBaseline.of(new double[] { 4, 1, 3, 2 }).median()).isEqualTo(2.5);
		assertThat(RollingBaseline.of(new double[] { 5, 1, 3 }).median()).isEqualTo(3);
	}

	@Test
	void madIsTheMedianOfAbsoluteDeviations() {
		// median 3; deviations 2, 1, 0, 1, 6 -> median 1
		RollingBaseline b = RollingBaseline.of(new double[] { 1, 2, 3, 4, 9 });
		assertThat(b.median()).isEqualTo(3);
		assertThat(b.mad()).isEqualTo(1);
		assertThat(b.days()).isEqualTo(5);
	}

	@Test
	void flatHistoryHasMadOfZeroAndTheRelativeFloorAsSpread() {
		RollingBaseline b = RollingBaseline.of(filled(28, 0.30));
		assertThat(b.mad()).isZero();
		assertThat(b.spread(FLOORS)).isCloseTo(0.075, within(1e-12));
	}

	@Test
	void allZeroHistoryHasTheAbsoluteFloorAsSpread() {
		RollingBaseline b = RollingBaseline.of(new double[28]);
		assertThat(b.median()).isZero();
		assertThat(b.mad()).isZero();
		assertThat(b.spread(FLOORS)).isEqualTo(0.05);
	}

	@Test
	void oneDayOfHistoryIsItsOwnBaseline() {
		RollingBaseline b = RollingBaseline.of(new double[] { 0.42 });
		assertThat(b.median()).isEqualTo(0.42);
		assertThat(b.mad()).isZero();
		assertThat(b.days()).isEqualTo(1);
		assertThat(b.spread(FLOORS)).isCloseTo(0.105, within(1e-12));
	}

	@Test
	void noHistoryIsAZeroBaseline() {
		assertThat(RollingBaseline.of(new double[0])).isEqualTo(RollingBaseline.NONE);
		assertThat(RollingBaseline.NONE.isEmpty()).isTrue();
		assertThat(RollingBaseline.NONE.spread(FLOORS)).isEqualTo(0.05);
	}

	@Test
	void aSingleHugePastSpikeDoesNotInflateTheBaseline() {
		double[] history = filled(28, 0.30);
		history[10] = 111.00;
		RollingBaseline b = RollingBaseline.of(history);
		assertThat(b.median()).isEqualTo(0.30);
		assertThat(b.mad()).isZero();
		assertThat(b.spread(FLOORS)).isCloseTo(0.075, within(1e-12));
		assertThat(Arrays.stream(history).average().orElseThrow()).as("a mean would have moved 14x").isGreaterThan(4);
	}

	static double[] filled(int n, double value) {
		double[] values = new double[n];
		Arrays.fill(values, value);
		return values;
	}

}
