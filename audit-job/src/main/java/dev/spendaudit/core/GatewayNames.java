package dev.spendaudit.core;

import java.util.List;
import java.util.function.Function;

/**
 * The configured gateways' names, in order: the first is the primary, whose name the fleet-wide findings carry
 * (so a second gateway added later does not make the first one's findings new again).
 */
public record GatewayNames(List<String> names) {

	public GatewayNames {
		names = List.copyOf(names);
		if (names.isEmpty()) {
			throw new IllegalArgumentException("there is always at least one gateway");
		}
	}

	public String primary() {
		return names.get(0);
	}

	public boolean several() {
		return names.size() > 1;
	}

	/**
	 * Checks an entry's optional {@code source}: null (every gateway) or the name of a configured one.
	 *
	 * @param key the entry's setting, such as {@code spend-audit.planned[2].source}
	 * @throws SettingsException naming the key and the gateways there are
	 */
	public void check(String key, String source) {
		if (source != null && !names.contains(source)) {
			throw new SettingsException(key + " \"" + source + "\" is not a configured gateway (gateways: "
					+ String.join(", ", names) + ")");
		}
	}

	/**
	 * Checks the optional {@code source} of every entry of a list setting, naming the entry at fault.
	 *
	 * @param list the list's setting, such as {@code spend-audit.planned}
	 */
	public <T> void checkEach(String list, List<T> entries, Function<T, String> source) {
		for (int i = 0; i < entries.size(); i++) {
			check(list + "[" + i + "].source", source.apply(entries.get(i)));
		}
	}

}
