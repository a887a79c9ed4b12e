package dev.spendaudit.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spendaudit.history.KeyModelRow;

/**
 * The fleet's total over several gateways, as one series with its own baseline: a SPIKE or DRIFT of subject
 * {@value #SUBJECT}, said only when no gateway's own total says it already at the same severity or louder (a rise
 * spread thinly over the gateways, each within its own baseline). The gateways' own findings explain the rest.
 */
final class FleetTotal {

	/** The subject of the fleet's total, beside each gateway's {@code total}. */
	static final String SUBJECT = "fleet";

	private final DetectionSettings settings;

	private final List<PlannedWindow> planned;

	FleetTotal(DetectionSettings settings, List<PlannedWindow> planned) {
		this.settings = settings;
		this.planned = List.copyOf(planned);
	}

	/** The fleet total's findings of the day, from every gateway's stored rows of the lookback. */
	List<Draft> findings(LocalDate date, List<KeyModelRow> stored) {
		List<Draft> fleet = totals(date, stored, planned);
		if (fleet.isEmpty()) {
			return List.of();
		}
		Map<String, List<KeyModelRow>> bySource = new TreeMap<>();
		stored.forEach(r -> bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r));
		List<Draft> gatewayTotals = new ArrayList<>();
		bySource.forEach((source, rows) -> gatewayTotals
			.addAll(totals(date, rows, planned.stream().filter(p -> p.appliesTo(source)).toList())));
		return fleet.stream()
			.filter(f -> gatewayTotals.stream()
				.noneMatch(g -> g.kind().equals(f.kind()) && g.severity().compareTo(f.severity()) >= 0))
			.map(FleetTotal::ofTheFleet)
			.toList();
	}

	private List<Draft> totals(LocalDate date, List<KeyModelRow> rows, List<PlannedWindow> windows) {
		List<DayRow> dayRows = rows.stream().map(DayDetector::dayRow).toList();
		return new SeriesDetector(settings)
			.detect(SpendHistory.totalOf(date, settings.lookbackDays(), dayRows, windows))
			.findings()
			.stream()
			.filter(d -> d.subject().equals(Subject.TOTAL.label()))
			.toList();
	}

	private static Draft ofTheFleet(Draft d) {
		return new Draft(d.kind(), d.severity(), SUBJECT, d.actualUsd(), d.baselineUsd(), "fleet " + d.reason(),
				d.details(), List.of(SUBJECT), null, null);
	}

}
