package dev.spendaudit.settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Names under {@code spend-audit} that no settings record declares: a misspelt key stops the run before any work,
 * named with its file and line (or environment variable), e.g.
 * {@code unknown setting spend-audit.sorce.url (URL [file:/tmp/bad.yml] - 4:10)}.
 */
public class UnknownSettingException extends RuntimeException {

	private final List<SettingsInForce.Setting> unknown;

	public UnknownSettingException(List<SettingsInForce.Setting> unknown) {
		super("unknown setting " + unknown.stream()
			.map(s -> s.name() + " (" + s.origin() + ")")
			.collect(Collectors.joining(", ")));
		this.unknown = List.copyOf(unknown);
	}

	public List<SettingsInForce.Setting> unknown() {
		return unknown;
	}

}
