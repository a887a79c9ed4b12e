package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DaySummaryTests {

	static String finding(String severity, String kind, String subject, String usd) {
		return "{\"id\":\"x\",\"kind\":\"" + kind + "\",\"severity\":\"" + severity + "\",\"subject\":\"" + subject
				+ "\",\"source\":\"default\",\"actualUsd\":" + usd + ",\"reason\":\"why " + subject + "\"}";
	}

	@Test
	void theDaysFindingsPrintInOrderFoldedLikeTheDigest(@TempDir Path dir) throws Exception {
		StringBuilder findings = new StringBuilder(finding("ALERT", "SPIKE", "total", "60.0"));
		for (int i = 0; i < 4; i++) {
			findings.append(',').append(finding("INFO", "NEW_MODEL", "workload:w" + i + "/model:m", "0.5"));
		}
		Path json = dir.resolve("digest-2026-11-26.json");
		Files.writeString(json, "{\"findings\":[" + findings + "],\"findingsFolded\":[{\"kind\":\"NEW_MODEL\","
				+ "\"severity\":\"INFO\",\"count\":10,\"usd\":1.25}]}");
		StringWriter text = new StringWriter();

		DaySummary.printFindings(json, 2, new PrintWriter(text));

		assertThat(text.toString()).isEqualTo("""
				  [ALERT] SPIKE · total
				      why total
				  [INFO] NEW_MODEL · workload:w0/model:m
				      why workload:w0/model:m
				  [INFO] NEW_MODEL · workload:w1/model:m
				      why workload:w1/model:m
				  and 12 more NEW_MODEL findings, $2.25
				""");
	}

}
