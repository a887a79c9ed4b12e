package dev.spendaudit.baseline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DecompositionTests {

	@Test
	void theThreeTermsSumToTheExcess() {
		// 10 calls of 1,000 tokens at $1/M = $0.01, then 30 calls of 4,000 tokens at $2/M = $0.24
		Decomposition d = Decomposition.of(10, 1_000, 0.01, 30, 4_000, 0.24);
		assertThat(d.volumeUsd()).isCloseTo(20 * 1_000 * 1e-6, within(1e-12));
		assertThat(d.sizeUsd()).isCloseTo(30 * 3_000 * 1e-6, within(1e-12));
		assertThat(d.priceUsd()).isCloseTo(30 * 4_000 * 1e-6, within(1e-12));
		assertThat(d.otherUsd()).isZero();
		assertThat(d.totalUsd()).isCloseTo(0.23, within(1e-12));
		assertThat(d.usdPerMillionTokens0()).isCloseTo(1, within(1e-9));
		assertThat(d.usdPerMillionTokens1()).isCloseTo(2, within(1e-9));
		assertThat(d.driver()).isEqualTo(Decomposition.Driver.PRICE);
	}

	@Test
	void theReindexIsBiggerPrompts() {
		// 12 calls of ~3K tokens a day, then 1,100 calls of ~545K tokens at the same price
		double p = 0.10e-6;
		Decomposition d = Decomposition.of(12, 3_060, 12 * 3_060 * p, 1_100, 545_040, 1_100 * 545_040 * p);
		assertThat(d.driver()).isEqualTo(Decomposition.Driver.SIZE);
		assertThat(d.sizeUsd() / d.totalUsd()).isGreaterThan(0.99);
		assertThat(d.priceUsd()).isCloseTo(0, within(1e-9));
	}

	@Test
	void aNewSeriesIsAllVolume() {
		Decomposition d = Decomposition.of(0, 0, 0, 50, 2_000, 0.5);
		assertThat(d.volumeUsd()).isCloseTo(0.5, within(1e-12));
		assertThat(d.sizeUsd()).isZero();
		assertThat(d.priceUsd()).isZero();
		assertThat(d.driver()).isEqualTo(Decomposition.Driver.VOLUME);
	}

	@Test
	void spendWithoutTokensLeavesTheRestInOther() {
		// per-request pricing (images): no tokens at all
		Decomposition d = Decomposition.of(4, 0, 0.16, 40, 0, 1.6);
		assertThat(d.totalUsd()).isCloseTo(1.44, within(1e-12));
		assertThat(d.otherUsd()).isCloseTo(1.44, within(1e-12));
	}

}
