package dev.spendaudit.findings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingFoldingTests {

	static Finding finding(String kind, Severity severity, String usd) {
		return new Finding("id", kind, severity, "s", RuleDay.DEFAULT_SOURCE, usd == null ? null : new BigDecimal(usd),
				null, "r", Map.of());
	}

	@Test
	void theFirstOfEachKindAreKeptInOrderAndTheRestCountedWithTheirMoney() {
		List<Finding> ranked = new ArrayList<>();
		ranked.add(finding("BUDGET", Severity.ALERT, "5"));
		ranked.add(finding("BUDGET", Severity.WATCH, "4"));
		for (int i = 0; i < 4; i++) {
			ranked.add(finding("NEW_WORKLOAD", Severity.INFO, "0.25"));
		}
		ranked.add(finding("BUDGET", Severity.WATCH, "3"));
		ranked.add(finding("BUDGET", Severity.WATCH, null));
		ranked.add(finding("LOGGING_OFF", Severity.ALERT, null));

		FindingFolding.Result<Finding> r = FindingFolding.fold(ranked, 2);

		assertThat(r.kept()).extracting(f -> f.kind() + " " + f.severity())
			.containsExactly("BUDGET ALERT", "BUDGET WATCH", "NEW_WORKLOAD INFO", "NEW_WORKLOAD INFO",
					"LOGGING_OFF ALERT");
		assertThat(r.folded()).containsExactly(
				new FindingFolding.Folded("NEW_WORKLOAD", Severity.INFO, 2, new BigDecimal("0.50")),
				new FindingFolding.Folded("BUDGET", Severity.WATCH, 2, new BigDecimal("3")));
	}

	@Test
	void fewerThanTheMostFoldNothing() {
		List<Finding> ranked = List.of(finding("SPIKE", Severity.ALERT, "1"), finding("DRIFT", Severity.WATCH, "1"));
		FindingFolding.Result<Finding> r = FindingFolding.fold(ranked, 1);
		assertThat(r.kept()).isEqualTo(ranked);
		assertThat(r.folded()).isEmpty();
	}

}
