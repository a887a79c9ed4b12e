package dev.spendaudit.settings;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A setting declared {@link EnvironmentOnly} that was set somewhere else, e.g. {@code spend-audit.reconcile.openai
 * .admin-key is set in /etc/spend-audit/spend-audit.yml:12, but it is read from the environment only: set
 * SPEND_AUDIT_RECONCILE_OPENAI_ADMIN_KEY instead}. The value is never named.
 */
public class EnvironmentOnlySettingException extends RuntimeException {

	/** A file and line as Spring Boot writes it: {@code URL [file:/etc/x.yml] - 4:10}. */
	private static final Pattern TRACKED = Pattern.compile("^(?:.*\\[)?(?:file:)?([^\\]]+)]? - (\\d+):\\d+$");

	private final List<SettingsInForce.Setting> misplaced;

	public EnvironmentOnlySettingException(List<SettingsInForce.Setting> misplaced) {
		super(misplaced.stream()
			.map(s -> s.name() + " is set in " + plain(s.origin()) + ", but it is read from the environment only: set "
					+ variable(s.name()) + " instead")
			.collect(Collectors.joining("; ")), null, false, false);
		this.misplaced = List.copyOf(misplaced);
	}

	/** The settings at fault; their values are not for printing. */
	public List<SettingsInForce.Setting> misplaced() {
		return misplaced;
	}

	/** {@code /etc/x.yml:4} for a tracked file and line; else the origin as it is ({@code command line}). */
	static String plain(String origin) {
		Matcher tracked = TRACKED.matcher(origin);
		return tracked.matches() ? tracked.group(1) + ":" + tracked.group(2) : origin;
	}

	/** The environment variable Spring Boot binds a setting from: {@code a.b-c} is {@code A_B_C}. */
	public static String variable(String setting) {
		return setting.replaceAll("[.\\-\\[\\]]+", "_").replaceAll("_$", "").toUpperCase(Locale.ROOT);
	}

}
