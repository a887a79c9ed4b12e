package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;

/**
 * How much of the day's spend no alias names (the master key, alias-less and unknown keys): always reported as
 * the digest's attribution health, and an UNATTRIBUTED finding when above the threshold.
 */
final class AttributionCheck {

	private final DetectionSettings.Unattributed settings;

	AttributionCheck(DetectionSettings.Unattributed settings) {
		this.settings = settings;
	}

	AttributionHealth health(List<DayRow> dayRows) {
		BigDecimal total = BigDecimal.ZERO;
		Map<String, AttributionHealth.Unnamed> unnamed = new LinkedHashMap<>();
		for (DayRow r : dayRows) {
			total = total.add(r.usd());
			if (!r.attribution().isAliased()) {
				unnamed.merge(r.workload(), new AttributionHealth.Unnamed(r.workload(), r.attribution().name(), r.usd()),
						(a, b) -> new AttributionHealth.Unnamed(a.workload(), a.attribution(), a.usd().add(b.usd())));
			}
		}
		BigDecimal unattributed = unnamed.values().stream().map(AttributionHealth.Unnamed::usd)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		double share = total.signum() > 0 ? unattributed.divide(total, MathContext.DECIMAL64).doubleValue() : 0;
		List<AttributionHealth.Unnamed> workloads = unnamed.values()
			.stream()
			.map(u -> new AttributionHealth.Unnamed(u.workload(), u.attribution(), strip(u.usd())))
			.sorted(Comparator.comparing(AttributionHealth.Unnamed::usd).reversed()
				.thenComparing(AttributionHealth.Unnamed::workload))
			.toList();
		return new AttributionHealth(strip(unattributed), strip(total), Money.round(share, 4), settings.share(),
				workloads);
	}

	Optional<Draft> finding(AttributionHealth health) {
		if (health.share() <= settings.share() || health.unattributedUsd().doubleValue() < settings.minUsd()) {
			return Optional.empty();
		}
		String who = String.join(", ", health.workloads().stream().limit(3)
			.map(u -> u.workload() + " " + Quantities.usd(u.usd())).toList());
		String reason = percent(health.share()) + " of the day's spend (" + Quantities.usd(health.unattributedUsd())
				+ " of " + Quantities.usd(health.totalUsd()) + ") has no alias: " + who + " (threshold "
				+ percent(settings.share()) + ")";
		return Optional.of(Draft.of(Kinds.UNATTRIBUTED, Severity.WATCH, "total", health.unattributedUsd(), null, reason,
				new DetectionDetails.Unattributed(health.unattributedUsd(), health.totalUsd(), health.share(),
						settings.share(), health.workloads())));
	}

	static String percent(double share) {
		return Quantities.percent(share);
	}

	private static BigDecimal strip(BigDecimal usd) {
		return usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

}
