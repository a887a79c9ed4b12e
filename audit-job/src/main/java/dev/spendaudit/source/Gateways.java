package dev.spendaudit.source;

import java.util.List;

import dev.spendaudit.core.SettingsException;

/**
 * The gateways the night audits, as configured: {@code spend-audit.sources}, or {@code spend-audit.source} as one
 * gateway named {@value SourceSettings#DEFAULT_NAME}, or nothing (the demo). The first is the primary: the one the
 * features that still look at one gateway (budgets, retiring keys, the capture check) ask.
 */
public record Gateways(List<GatewaySettings> all, boolean mergeWorkloads) {

	public Gateways {
		all = List.copyOf(all);
	}

	/**
	 * The gateways of the two settings; both set is a configuration error naming both.
	 *
	 * @throws SettingsException when {@code spend-audit.source.url} (or its credentials) and
	 * {@code spend-audit.sources} are both set
	 */
	public static Gateways of(SourceSettings source, SourceListSettings list) {
		if (!list.sources().isEmpty()) {
			if (source.url() != null || source.username() != null || source.password() != null
					|| source.masterKeySha256() != null) {
				throw new SettingsException("spend-audit.source and spend-audit.sources are both set: give every"
						+ " gateway as an entry of spend-audit.sources (spend-audit.source.statement-timeout still"
						+ " applies to all), or use spend-audit.source alone for one gateway");
			}
			return new Gateways(list.sources(), list.mergeWorkloadsAcrossSources());
		}
		return new Gateways(List.of(new GatewaySettings(SourceSettings.DEFAULT_NAME, source.url(), source.username(),
				source.password(), source.masterKeySha256())), list.mergeWorkloadsAcrossSources());
	}

	/** Whether no gateway is configured, so the demo's stand in. */
	public boolean isDemo() {
		return all.size() == 1 && all.get(0).url() == null;
	}

	public List<String> names() {
		return all.stream().map(GatewaySettings::name).toList();
	}

	/** Whether the digest speaks of gateways at all (more than one). */
	public boolean several() {
		return all.size() > 1;
	}

}
