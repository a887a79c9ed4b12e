package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * One flat-fee plan ({@code spend-audit.subscriptions[i]}): a coding subscription whose calls carry zero metered
 * spend because the plan pays for them.
 *
 * @param name how the digest names the plan, e.g. {@code z.ai GLM Coding Pro}
 * @param feeUsd what one billing period costs, in USD
 * @param period {@code monthly} or {@code yearly}: calendar months or years
 * @param models model names or globs ({@code glm-*}, {@code zai/*}) whose calls the plan pays for; a glob with a
 * {@code /} is matched against {@code provider/model}
 * @param starts first day the plan is paid for (optional)
 * @param ends last day the plan is paid for (optional)
 * @param attributeToWorkloads spread the daily fee over the workloads that used the plan, by tokens
 */
public record Subscription(String name, BigDecimal feeUsd, String period, List<String> models,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate starts,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ends, Boolean attributeToWorkloads, String source) {

	/** How a plan bills: by calendar month or calendar year. */
	public enum Period {

		MONTHLY, YEARLY

	}

	public Subscription {
		name = name == null ? null : name.trim();
		period = period == null ? null : period.trim().toLowerCase(Locale.ROOT);
		models = models == null ? List.of() : models.stream().filter(m -> m != null && !m.isBlank()).map(String::trim).toList();
		attributeToWorkloads = Boolean.TRUE.equals(attributeToWorkloads);
		source = source == null || source.isBlank() ? null : source.trim();
	}

	/** Whether the plan pays for calls through this gateway (a plan without a {@code source} pays on every one). */
	public boolean appliesTo(String gateway) {
		return source == null || source.equals(gateway);
	}

	public Period billingPeriod() {
		return Period.valueOf(period.toUpperCase(Locale.ROOT));
	}

	/** Whether the plan is paid for on {@code day}. */
	public boolean activeOn(LocalDate day) {
		return (starts == null || !day.isBefore(starts)) && (ends == null || !day.isAfter(ends));
	}

	public boolean attributesToWorkloads() {
		return Boolean.TRUE.equals(attributeToWorkloads);
	}

	/**
	 * Checks every plan and stops at the first mistake, naming the setting's path, e.g.
	 * {@code spend-audit.subscriptions[1].fee-usd}.
	 */
	public static List<Subscription> validated(List<Subscription> plans) {
		if (plans == null) {
			return List.of();
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < plans.size(); i++) {
			Subscription p = plans.get(i);
			String path = "spend-audit.subscriptions[" + i + "].";
			if (p == null) {
				throw new IllegalArgumentException("spend-audit.subscriptions[" + i + "] is empty");
			}
			if (p.name() == null || p.name().isEmpty()) {
				throw new IllegalArgumentException(path + "name must be set");
			}
			if (!names.add(p.name())) {
				throw new IllegalArgumentException(path + "name '" + p.name() + "' is used by an earlier plan");
			}
			if (p.feeUsd() == null) {
				throw new IllegalArgumentException(path + "fee-usd must be set (what one period costs, in USD)");
			}
			if (p.feeUsd().signum() < 0) {
				throw new IllegalArgumentException(path + "fee-usd must not be negative, not " + p.feeUsd().toPlainString());
			}
			if (!"monthly".equals(p.period()) && !"yearly".equals(p.period())) {
				throw new IllegalArgumentException(path + "period must be monthly or yearly, not '"
						+ (p.period() == null ? "" : p.period()) + "'");
			}
			if (p.models().isEmpty()) {
				throw new IllegalArgumentException(path + "models must name at least one model or glob");
			}
			if (p.starts() != null && p.ends() != null && p.ends().isBefore(p.starts())) {
				throw new IllegalArgumentException(path + "ends (" + p.ends() + ") is before starts (" + p.starts() + ")");
			}
		}
		return List.copyOf(plans);
	}

}
