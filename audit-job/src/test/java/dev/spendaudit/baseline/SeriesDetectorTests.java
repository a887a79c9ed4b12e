package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.core.Severity;
import dev.spendaudit.source.Attribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection over in-memory rollup rows: which findings one day's series raise, and how one event on several
 * subjects becomes one finding.
 */
class SeriesDetectorTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final DetectionSettings SETTINGS = DetectionSettings.defaults();

	List<DayRow> rows;

	@BeforeEach
	void fiveWeeksOfAHomelab() {
		rows = new ArrayList<>();
		for (int d = 35; d >= 1; d--) {
			background(DAY.minusDays(d), d);
		}
		background(DAY, 0);
	}

	/** About $0.30 a day on vk-hermes, a few tenths of a cent on the vault indexer. */
	void background(LocalDate date, int n) {
		double wobble = (n % 5 - 2) * 0.02;
		rows.add(row(date, "vk-hermes", "claude-sonnet-4", "anthropic", 0.30 + wobble, 20, 2_800 * 20, 450 * 20));
		rows.add(row(date, "vk-vault-indexer", "gemini-flash-lite", "gemini", 0.0036, 12, 3_000 * 12, 60 * 12));
	}

	@Test
	void theReindexIsOneAlertOnOneKeyAndOneModel() {
		rows.add(reindex(DAY));
		SeriesDetector.Result result = detect();
		List<Draft> alerts = result.findings().stream().filter(f -> f.severity() == Severity.ALERT).toList();
		assertThat(alerts).hasSize(1);
		Draft alert = alerts.get(0);
		assertThat(alert.kind()).isEqualTo("SPIKE");
		assertThat(alert.subject()).isEqualTo("workload:vk-vault-indexer/model:gemini-flash-lite");
		// without the day's requests the size is the mean call, the reindex diluted by the usual 12 small calls
		assertThat(alert.reason()).startsWith("vk-vault-indexer · gemini-flash-lite · 539K-token prompts · 100% of the "
				+ "excess: $59.97 vs $0.0036 baseline; ALERT: excess $59.97 ≥ $5.00, 16,659× ≥ 3×, z 1,199 ≥ 4");
		assertThat(alert.group()).containsExactlyInAnyOrder(alert.subject(), "total", "workload:vk-vault-indexer",
				"model:gemini-flash-lite");
		assertThat(alert.drillDown()).isEqualTo(new Draft.DrillDown("vk-vault-indexer", "gemini-flash-lite"));
		DetectionDetails.Spike details = (DetectionDetails.Spike) alert.details();
		assertThat(details.explanation().share()).isGreaterThanOrEqualTo(0.95);
		assertThat(details.explanation().breakdown().driver()).isEqualTo("SIZE");
		assertThat(details.explanation().breakdown().calls1()).isEqualTo(1_112);
		assertThat(details.explanation().breakdown().calls0()).isEqualTo(12);
		// with the day's requests the median call says what the reindex looked like
		Draft explained = alert.withExplanation(details.explanation().withRequests(List.of(), List.of(), 545_112L, 41L));
		assertThat(explained.reason())
			.startsWith("vk-vault-indexer · gemini-flash-lite · 545K-token prompts · 100% of the excess: $59.97 vs");
		assertThat(details.related()).extracting(DetectionDetails.Related::subject)
			.containsExactlyInAnyOrder("total", "workload:vk-vault-indexer", "model:gemini-flash-lite");
		DetectionDetails.Contributors workloads = details.explanation().contributors().get(0);
		assertThat(workloads.dimension()).isEqualTo("workload");
		assertThat(workloads.top().get(0).name()).isEqualTo("vk-vault-indexer");
		assertThat(result.findings()).noneMatch(f -> f.kind().equals("DRIFT"));
	}

	@Test
	void thirtyCentsBecomingNinetyRaisesNothingButShowsAsAQuietMover() {
		rows.removeIf(r -> r.date().equals(DAY) && r.workload().equals("vk-hermes"));
		rows.add(row(DAY, "vk-hermes", "claude-sonnet-4", "anthropic", 0.90, 60, 2_800 * 60, 450 * 60));
		SeriesDetector.Result result = detect();
		assertThat(result.findings()).isEmpty();
		BaselineSummary.Mover hermes = result.baseline().quietMovers().stream()
			.filter(m -> m.subject().equals("workload:vk-hermes"))
			.findFirst()
			.orElseThrow();
		assertThat(hermes.z()).isGreaterThan(3);
		assertThat(hermes.rule()).startsWith("quiet: excess $0.60 < $1.00 watch floor");
	}

	@Test
	void twoUnrelatedSpikesAreTwoFindings() {
		rows.add(reindex(DAY));
		rows.add(row(DAY, "vk-hermes", "gpt-4.1", "openai", 30.0, 400, 400 * 20_000, 400 * 1_000));
		List<Draft> alerts = detect().findings().stream().filter(f -> f.severity() == Severity.ALERT).toList();
		assertThat(alerts).extracting(Draft::subject)
			.containsExactlyInAnyOrder("workload:vk-vault-indexer/model:gemini-flash-lite",
					"workload:vk-hermes/model:gpt-4.1");
	}

	@Test
	void aYoungSeriesIsHeldAtWatchButTheTotalStillAlerts() {
		for (int d = 3; d >= 1; d--) {
			rows.add(row(DAY.minusDays(d), "vk-new-agent", "gpt-4.1-mini", "openai", 0.30, 30, 60_000, 9_000));
		}
		rows.add(row(DAY, "vk-new-agent", "gpt-4.1-mini", "openai", 60.0, 6_000, 12_000_000, 1_800_000));
		List<Draft> findings = detect().findings();
		List<Draft> alerts = findings.stream().filter(f -> f.severity() == Severity.ALERT).toList();
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).subject()).isEqualTo("total");
		assertThat(alerts.get(0).reason()).startsWith("total · vk-new-agent · gpt-4.1-mini · 6,000 calls (usually 30)");
		DetectionDetails.Spike details = (DetectionDetails.Spike) alerts.get(0).details();
		assertThat(details.related()).filteredOn(r -> r.subject().equals("workload:vk-new-agent"))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.severity()).isEqualTo(Severity.WATCH);
				assertThat(r.rule()).contains("held at WATCH: 3 days of history (an ALERT needs 7)");
			});
	}

	@Test
	void aBrandNewWorkloadCountsFromZeroAndIsAlsoNew() {
		rows.add(row(DAY, "vk-new-agent", "gpt-4.1-mini", "openai", 6.0, 600, 1_200_000, 180_000));
		List<Draft> findings = detect().findings();
		assertThat(findings).filteredOn(f -> f.kind().equals("SPIKE")).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.ALERT);
			assertThat(f.subject()).isEqualTo("workload:vk-new-agent/model:gpt-4.1-mini");
			assertThat(f.reason()).contains("new: 600 calls");
		});
		assertThat(findings).filteredOn(f -> f.kind().equals("NEW_WORKLOAD")).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.INFO);
			assertThat(f.subject()).isEqualTo("workload:vk-new-agent");
		});
		assertThat(findings).noneMatch(f -> f.kind().equals("NEW_MODEL"));
	}

	@Test
	void tenNewWorkloadsAreTenFindingsButElevenAreOneBurst() {
		for (int k = 1; k <= 10; k++) {
			rows.add(row(DAY, "vk-minted-" + k, "gpt-4.1-nano", "openai", k / 1000.0, 1, 50, 5));
		}
		assertThat(detect().findings()).filteredOn(f -> f.kind().equals("NEW_WORKLOAD")).hasSize(10);

		rows.add(row(DAY, "vk-minted-11", "gpt-4.1-nano", "openai", 0.011, 1, 50, 5));
		List<Draft> bursts = detect().findings().stream().filter(f -> f.kind().equals("NEW_WORKLOAD")).toList();
		assertThat(bursts).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.INFO);
			assertThat(f.subject()).isEqualTo("workloads:new");
			assertThat(f.actualUsd()).isEqualByComparingTo("0.066");
			assertThat(f.reason()).startsWith("11 workloads made their first calls in 28 days: $0.07 over 11 requests;"
					+ " the largest vk-minted-11 $0.01, vk-minted-10 $0.01, vk-minted-9 $0.009, vk-minted-8 $0.008,"
					+ " vk-minted-7 $0.007 (more than 10 new in a day are one finding");
			DetectionDetails.NewWorkloads d = (DetectionDetails.NewWorkloads) f.details();
			assertThat(d.workloads()).isEqualTo(11);
			assertThat(d.requests()).isEqualTo(11);
			assertThat(d.largest()).extracting(DetectionDetails.NewSeries::workload)
				.containsExactly("vk-minted-11", "vk-minted-10", "vk-minted-9", "vk-minted-8", "vk-minted-7");
		});
	}

	@Test
	void aKnownWorkloadCallingANewModelIsNewModel() {
		rows.add(row(DAY, "vk-hermes", "gpt-5", "openai", 0.05, 3, 6_000, 900));
		assertThat(detect().findings()).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo("NEW_MODEL");
			assertThat(f.severity()).isEqualTo(Severity.INFO);
			assertThat(f.subject()).isEqualTo("workload:vk-hermes/model:gpt-5");
			assertThat(f.reason()).isEqualTo("vk-hermes called gpt-5 for the first time in 28 days, $0.05 over 3 requests");
		});
	}

	@Test
	void aCreepThatNoSingleDayAlertsIsDrift() {
		rows.removeIf(r -> !r.date().isBefore(DAY.minusDays(6)) && r.workload().equals("vk-hermes"));
		for (int d = 6; d >= 0; d--) {
			rows.add(row(DAY.minusDays(d), "vk-hermes", "claude-sonnet-4", "anthropic", 2.00, 130, 130 * 2_800,
					130 * 450));
		}
		List<Draft> findings = detect().findings();
		assertThat(findings).noneMatch(f -> f.kind().equals("SPIKE") && f.severity() == Severity.ALERT);
		assertThat(findings).filteredOn(f -> f.severity() == Severity.ALERT).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo("DRIFT");
			assertThat(f.subject()).isEqualTo("workload:vk-hermes/model:claude-sonnet-4");
			assertThat(f.reason()).startsWith("last 7 days · vk-hermes · claude-sonnet-4 · ");
			assertThat(f.reason()).contains("ALERT: last 7 days $14.00 vs $2.10");
		});
	}

	@Test
	void aSpikeInTheLastWeekIsNotReportedAgainAsDrift() {
		rows.add(reindex(DAY.minusDays(3)));
		rows.add(reindex(DAY.minusDays(2)));
		assertThat(detect().findings()).isEmpty();
	}

	@Test
	void aPlannedDayIsInfoAndSetAsideFromTheTotal() {
		rows.add(reindex(DAY));
		SeriesDetector.Result result = detect(
				new PlannedWindow("vk-vault-indexer", DAY, DAY.plusDays(1), "reindex", null));
		assertThat(result.findings()).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.INFO);
			assertThat(f.subject()).isEqualTo("workload:vk-vault-indexer/model:gemini-flash-lite");
			assertThat(((DetectionDetails.Spike) f.details()).rule()).endsWith("planned, so never an ALERT");
		});
		assertThat(result.baseline().plannedUsd()).isGreaterThan(new BigDecimal("59"));
		assertThat(result.baseline().excessUsd().abs()).isLessThan(new BigDecimal("0.1"));
	}

	@Test
	void plannedDaysAreLeftOutOfLaterBaselines() {
		for (int d = 20; d >= 1; d--) {
			rows.add(reindex(DAY.minusDays(d)));
		}
		PlannedWindow window = new PlannedWindow("vk-vault-indexer", DAY.minusDays(20), DAY.minusDays(1), "backfill",
				null);
		assertThat(detect(window).findings()).isEmpty();
		rows.add(reindex(DAY));
		List<Draft> alerts = detect(window).findings().stream().filter(f -> f.severity() == Severity.ALERT).toList();
		assertThat(alerts).singleElement().satisfies(f -> {
			assertThat(f.subject()).isEqualTo("workload:vk-vault-indexer/model:gemini-flash-lite");
			assertThat(f.baselineUsd()).isEqualByComparingTo("0.0036");
		});
	}

	SeriesDetector.Result detect(PlannedWindow... planned) {
		return new SeriesDetector(SETTINGS)
			.detect(SpendHistory.of(DAY, SETTINGS.lookbackDays(), rows, List.of(planned)));
	}

	/** 1,100 requests of 545K-token prompts and 40-token answers on gemini-flash-lite at $0.10/M input. */
	static DayRow reindex(LocalDate date) {
		long calls = 1_100;
		double usd = calls * (545_000 * 0.10 + 40 * 0.40) / 1e6;
		return new DayRow(date, "hash-reindex-host", "vk-vault-indexer", Attribution.KEY_ALIAS, "gemini-flash-lite",
				"gemini", BigDecimal.valueOf(usd), calls, calls * 545_000, calls * 40);
	}

	static DayRow row(LocalDate date, String workload, String model, String provider, double usd, long requests,
			long prompt, long completion) {
		return new DayRow(date, "hash-" + workload, workload, Attribution.KEY_ALIAS, model, provider,
				BigDecimal.valueOf(usd), requests, prompt, completion);
	}

}
