package dev.spendaudit.doctor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as text for a terminal (the settings, then one line per check: status, name, what was found and,
 * for a WARN or FAIL, the fix) or as JSON ({@code schema/doctor.schema.json}).
 */
public final class ReportWriter {

	static final String FINGERPRINT_NOTE = "secrets show as **** and an HMAC-SHA256 fingerprint keyed for this run"
			+ " only: equal fingerprints mean equal values within this report";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ReportWriter() {
	}

	public static void text(Report report, PrintWriter out) {
		out.println("spend-audit doctor, " + report.generatedAt() + " (" + FINGERPRINT_NOTE + ")");
		out.println();
		out.println("Settings in force:");
		int name = width(report.settings().stream().map(Setting::name).toList(), 58);
		int value = width(report.settings().stream().map(Setting::value).toList(), 44);
		for (Setting s : report.settings()) {
			out.println(String.format("  %-" + name + "s  %-" + value + "s  %s", s.name(), s.value(), s.origin())
				.stripTrailing());
		}
		out.println();
		out.println("Checks:");
		int check = width(report.checks().stream().map(Check::name).toList(), 24);
		for (Check c : report.checks()) {
			String line = String.format("%-4s  %-" + check + "s  %s", c.status(), c.name(), c.detail());
			out.println(c.fix() == null ? line : line + " Fix: " + c.fix());
		}
		out.println();
		out.println(summary(report));
		out.flush();
	}

	public static void json(Report report, PrintWriter out) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("generatedAt", report.generatedAt().toString());
		doc.put("status", report.status().name());
		doc.put("exitCode", report.exitCode());
		doc.put("fingerprints", FINGERPRINT_NOTE);
		doc.put("settings", report.settings());
		List<Map<String, Object>> checks = new ArrayList<>();
		for (Check c : report.checks()) {
			Map<String, Object> check = new LinkedHashMap<>();
			check.put("name", c.name());
			check.put("status", c.status().name());
			check.put("detail", c.detail());
			check.put("fix", c.fix());
			checks.add(check);
		}
		doc.put("checks", checks);
		out.println(JSON.writeValueAsString(doc));
		out.flush();
	}

	static String summary(Report report) {
		return String.format("%d OK, %d WARN, %d FAIL: %s", report.count(Status.OK), report.count(Status.WARN),
				report.count(Status.FAIL), switch (report.status()) {
					case OK -> "ready for the night";
					case WARN -> "it will run; the warnings say what to improve";
					case FAIL -> "fix the FAIL lines first (exit " + report.exitCode() + ")";
				});
	}

	private static int width(List<String> values, int max) {
		return Math.max(1, Math.min(max, values.stream().mapToInt(String::length).max().orElse(1)));
	}

}
