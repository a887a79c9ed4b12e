package dev.spendaudit.notify;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Finding;

/** Findings as the store hands them back, for the notify tests. */
final class Findings {

	private Findings() {
	}

	static Finding finding(String id, Severity severity, String state) {
		return finding(id, "SPIKE", severity, "workload:vk-alpha", state, null);
	}

	static Finding finding(String id, String kind, Severity severity, String subject, String state,
			Severity previous) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("multiple", 20.4);
		details.put("state", Map.of("state", state, "since", "2026-11-25", "day", 1));
		if (previous != null) {
			details.put("previousSeverity", previous.name());
		}
		return new Finding(id, kind, severity, subject, "default", new BigDecimal("61.20"), new BigDecimal("0.30"),
				"vk-alpha spent $61.20, 204x its usual $0.30", details);
	}

}
