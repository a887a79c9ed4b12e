package dev.spendaudit.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Several gateways ({@code spend-audit.sources[i]}) audited in one night, and whether one workload alias on two of
 * them is one workload ({@code spend-audit.merge-workloads-across-sources}). Checked here, where each entry's index
 * is known, so a message names the exact path ({@code spend-audit.sources[1].name}).
 *
 * @param sources the gateways, in the order the digest lists them; empty: {@code spend-audit.source} (one gateway
 * named {@value SourceSettings#DEFAULT_NAME}) or the demo
 * @param mergeWorkloadsAcrossSources true: the same alias on two gateways is one workload; false (the default):
 * two, each with its gateway
 */
@ConfigurationProperties(prefix = "spend-audit")
public record SourceListSettings(List<GatewaySettings> sources, boolean mergeWorkloadsAcrossSources) {

	/** A name that is safe in a file name, a log line, a mail and a URL alike. */
	static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}";

	public SourceListSettings {
		sources = validated(sources);
	}

	private static List<GatewaySettings> validated(List<GatewaySettings> sources) {
		if (sources == null) {
			return List.of();
		}
		List<GatewaySettings> checked = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < sources.size(); i++) {
			GatewaySettings s = sources.get(i);
			String at = "spend-audit.sources[" + i + "]";
			if (s == null) {
				throw new IllegalArgumentException(at + " is empty: give it a name and a url");
			}
			String name = SourceSettings.blankToNull(s.name());
			if (name == null) {
				throw new IllegalArgumentException(at + ".name is missing: every gateway needs a name of its own");
			}
			if (!name.matches(NAME_PATTERN)) {
				throw new IllegalArgumentException(at + ".name must be 1 to 40 letters, digits, '_', '-' or '.'"
						+ " (starting with a letter or digit), not \"" + name + "\"");
			}
			if (!names.add(name.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException(at + ".name \"" + name + "\" is already the name of another gateway");
			}
			String url = SourceSettings.blankToNull(s.url());
			if (url == null) {
				throw new IllegalArgumentException(at + ".url is missing: the gateway's JDBC URL");
			}
			String masterKey = SourceSettings.blankToNull(s.masterKeySha256());
			if (masterKey != null) {
				masterKey = masterKey.toLowerCase(Locale.ROOT);
				if (!masterKey.matches("[0-9a-f]{64}")) {
					throw new IllegalArgumentException(
							at + ".master-key-sha256 must be 64 hex characters (the sha256 of the master key)");
				}
			}
			checked.add(new GatewaySettings(name, url, s.username(), s.password(), masterKey));
		}
		return List.copyOf(checked);
	}

}
