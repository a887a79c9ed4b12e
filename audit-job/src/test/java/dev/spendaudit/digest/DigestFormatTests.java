package dev.spendaudit.digest;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestFormatTests {

	final DigestFormat fmt = new DigestFormat();

	@Test
	void moneyIsCentsFromTenCentsUp() {
		assertThat(fmt.usd(new BigDecimal("61.2"))).isEqualTo("$61.20");
		assertThat(fmt.usd(new BigDecimal("1234.567"))).isEqualTo("$1,234.57");
		assertThat(fmt.usd(new BigDecimal("0.105"))).isEqualTo("$0.11");
		assertThat(fmt.usd(BigDecimal.ZERO)).isEqualTo("$0.00");
		assertThat(fmt.usd(null)).isEqualTo("–");
	}

	@Test
	void smallMoneyKeepsTwoSignificantDigitsSoItNeverReadsAsZero() {
		assertThat(fmt.usd(new BigDecimal("0.0943"))).isEqualTo("$0.094");
		assertThat(fmt.usd(new BigDecimal("0.0012345"))).isEqualTo("$0.0012");
		assertThat(fmt.usd(new BigDecimal("0.04"))).isEqualTo("$0.04");
		assertThat(fmt.usd(new BigDecimal("0.00002"))).isEqualTo("<$0.0001");
		assertThat(fmt.usd(new BigDecimal("-0.5"))).isEqualTo("-$0.50");
	}

	@Test
	void changeAgainstAReference() {
		assertThat(fmt.change(new BigDecimal("61.2"), new BigDecimal("0.3"))).isEqualTo("+20,300%");
		assertThat(fmt.change(new BigDecimal("0.9"), new BigDecimal("1"))).isEqualTo("-10%");
		assertThat(fmt.change(new BigDecimal("1.001"), new BigDecimal("1"))).isEqualTo("±0%");
		assertThat(fmt.change(new BigDecimal("1"), BigDecimal.ZERO)).isEqualTo("new");
		assertThat(fmt.change(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualTo("±0%");
		assertThat(fmt.change(BigDecimal.ONE, null)).isEqualTo("–");
		assertThat(fmt.direction(new BigDecimal("2"), BigDecimal.ONE)).isEqualTo("up");
		assertThat(fmt.direction(BigDecimal.ONE, new BigDecimal("2"))).isEqualTo("down");
	}

	@Test
	void sharesAndCounts() {
		assertThat(fmt.share(new BigDecimal("61"), new BigDecimal("61.2"))).isEqualTo("100%");
		assertThat(fmt.share(new BigDecimal("0.1"), new BigDecimal("61.2"))).isEqualTo("<1%");
		assertThat(fmt.share(BigDecimal.ZERO, new BigDecimal("61.2"))).isEqualTo("0%");
		assertThat(fmt.share(BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo("–");
		assertThat(fmt.count(1234567L)).isEqualTo("1,234,567");
		assertThat(fmt.tokens(950)).isEqualTo("950");
		assertThat(fmt.tokens(12_345)).isEqualTo("12.3k");
		assertThat(fmt.tokens(2_053_735)).isEqualTo("2.05M");
		assertThat(fmt.tokens(999_999)).isEqualTo("1M");
	}

}
