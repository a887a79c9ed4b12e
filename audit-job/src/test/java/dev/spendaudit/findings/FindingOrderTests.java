package dev.spendaudit.findings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingOrderTests {

	static final FindingOrder ORDER = new FindingOrder(List.of(new FindingKind("SPIKE", 10),
			new FindingKind("BUDGET", 30), new FindingKind("LOGGING_OFF", 110), new FindingKind("NEW_WORKLOAD", 60)));

	static Remembered finding(String kind, Severity severity, String subject, String usd) {
		Detected d = Detected.of(kind, severity, subject, usd == null ? null : new BigDecimal(usd), null, "r", null);
		return new Remembered(d, FindingState.fresh(LocalDate.of(2026, 11, 26)), "id", null);
	}

	static List<String> ranked(Remembered... findings) {
		List<Remembered> list = new ArrayList<>(List.of(findings));
		list.sort(ORDER.comparator());
		return list.stream().map(r -> r.detected().severity() + " " + r.detected().kind() + " " + r.detected().subject())
			.toList();
	}

	@Test
	void worstFirstThenTheKindsRankThenMoneyThenSubject() {
		assertThat(ranked(finding("NEW_WORKLOAD", Severity.INFO, "workload:b", "0.01"),
				finding("LOGGING_OFF", Severity.ALERT, "spend-log", "9.00"),
				finding("BUDGET", Severity.WATCH, "workload:a", "1.00"),
				finding("SPIKE", Severity.ALERT, "total", "2.00"),
				finding("BUDGET", Severity.WATCH, "workload:c", "3.00"),
				finding("NEW_WORKLOAD", Severity.INFO, "workload:a", "0.01"),
				finding("BUDGET", Severity.WATCH, "workload:b", null)))
			.containsExactly("ALERT SPIKE total", "ALERT LOGGING_OFF spend-log", "WATCH BUDGET workload:c",
					"WATCH BUDGET workload:a", "WATCH BUDGET workload:b", "INFO NEW_WORKLOAD workload:a",
					"INFO NEW_WORKLOAD workload:b");
	}

	@Test
	void aKindNoRuleDeclaresGoesLast() {
		assertThat(ranked(finding("MYSTERY", Severity.ALERT, "x", "100"), finding("LOGGING_OFF", Severity.ALERT, "y", null)))
			.containsExactly("ALERT LOGGING_OFF y", "ALERT MYSTERY x");
	}

	@Test
	void twoRulesCannotDeclareOneKind() {
		assertThatThrownBy(() -> new FindingOrder(List.of(new FindingKind("SPIKE", 10), new FindingKind("SPIKE", 20))))
			.hasMessageContaining("SPIKE is declared by two rules");
	}

}
