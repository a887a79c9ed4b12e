package dev.spendaudit.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.spendaudit.settings.SettingsTree.Entries;
import dev.spendaudit.settings.SettingsTree.Group;
import dev.spendaudit.settings.SettingsTree.Leaf;
import dev.spendaudit.settings.SettingsTree.Named;
import dev.spendaudit.settings.SettingsTree.Node;
import dev.spendaudit.settings.SettingsTree.Values;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * Every name the settings records declare under {@code spend-audit}, and which of them a name from a file, the
 * command line or an environment variable is.
 */
final class SettingsCatalog {

	static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("spend-audit");

	private final Group tree;

	private SettingsCatalog(Group tree) {
		this.tree = tree;
	}

	static SettingsCatalog of(Collection<SettingsTree.Bound> records) {
		return new SettingsCatalog(SettingsTree.of(ROOT, records));
	}

	/**
	 * A name that a record declares: {@code name} as the settings spell it, and the {@code setting} it belongs to
	 * (a value, or a whole list or map); {@code setting} is null for a record on the way to settings (an empty
	 * {@code detection:} block in YAML), which sets nothing.
	 */
	record Match(ConfigurationPropertyName name, ConfigurationPropertyName setting) {

	}

	/**
	 * A declared setting: one value, or a whole list or map, with the record's default (or null), and whether it
	 * is read from the environment only.
	 */
	record Declared(ConfigurationPropertyName name, String defaultValue, boolean environmentOnly) {

	}

	/** The match of a name at or under {@code spend-audit}, or null when no record declares it. */
	Match match(ConfigurationPropertyName name) {
		Node node = tree;
		ConfigurationPropertyName setting = null;
		for (int i = ROOT.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
			if (node instanceof Group group) {
				node = group.child(name.getElement(i, Form.UNIFORM));
				if (node == null) {
					return null;
				}
				if (setting == null && !(node instanceof Group)) {
					setting = name.chop(i + 1);
				}
			}
			else if (node instanceof Entries entries) {
				node = entries.entry(); // the index or key
			}
			else {
				// below a list or map of plain values anything is the value's own; below a value nothing is
				return node instanceof Values ? new Match(name, setting) : null;
			}
		}
		return new Match(name, setting);
	}

	/** Whether an environment variable is meant for {@code spend-audit} ({@code SPEND_AUDIT_...}). */
	static boolean isUnderRoot(String variable) {
		String upper = variable.toUpperCase(Locale.ROOT);
		return upper.startsWith("SPEND_AUDIT_") || upper.startsWith("SPENDAUDIT_");
	}

	/**
	 * The match of an environment variable, or null. Spring Boot binds {@code spend-audit.source.master-key-sha256}
	 * from {@code SPEND_AUDIT_SOURCE_MASTER_KEY_SHA256} (dashes as underscores) or
	 * {@code SPENDAUDIT_SOURCE_MASTERKEYSHA256} (dashes dropped), never a mix of the two, so neither does this.
	 */
	Match matchVariable(String variable) {
		String[] tokens = variable.toUpperCase(Locale.ROOT).split("_", -1);
		if (tokens.length > 1 && tokens[0].equals("SPENDAUDIT")) {
			return matchTokens(tree, tokens, 1, false, ROOT, null);
		}
		if (tokens.length > 2 && tokens[0].equals("SPEND") && tokens[1].equals("AUDIT")) {
			return matchTokens(tree, tokens, 2, true, ROOT, null);
		}
		return null;
	}

	private static Match matchTokens(Node node, String[] tokens, int at, boolean dashesAsUnderscores,
			ConfigurationPropertyName name, ConfigurationPropertyName setting) {
		if (at == tokens.length) {
			return new Match(name, setting);
		}
		if (node instanceof Group group) {
			for (Named child : group.children().values()) {
				String[] words = dashesAsUnderscores ? child.dashed().toUpperCase(Locale.ROOT).split("-")
						: new String[] { SettingsTree.uniform(child.dashed()).toUpperCase(Locale.ROOT) };
				if (startsWith(tokens, at, words)) {
					ConfigurationPropertyName childName = name.append(child.dashed());
					Match match = matchTokens(child.node(), tokens, at + words.length, dashesAsUnderscores, childName,
							setting != null || child.node() instanceof Group ? setting : childName);
					if (match != null) {
						return match;
					}
				}
			}
			return null;
		}
		if (node instanceof Entries entries) {
			return matchTokens(entries.entry(), tokens, at + 1, dashesAsUnderscores,
					name.append("[" + tokens[at].toLowerCase(Locale.ROOT) + "]"), setting);
		}
		if (node instanceof Values) {
			String rest = String.join(".", Arrays.copyOfRange(tokens, at, tokens.length)).toLowerCase(Locale.ROOT);
			return new Match(name.append("[" + rest + "]"), setting);
		}
		return null; // a value has nothing below it
	}

	private static boolean startsWith(String[] tokens, int at, String[] words) {
		if (at + words.length > tokens.length) {
			return false;
		}
		for (int i = 0; i < words.length; i++) {
			if (!tokens[at + i].equals(words[i])) {
				return false;
			}
		}
		return true;
	}

	/** Every declared setting, in the records' order. */
	List<Declared> declared() {
		List<Declared> all = new ArrayList<>();
		collect(tree, ROOT, all);
		return all;
	}

	private static void collect(Group group, ConfigurationPropertyName prefix, List<Declared> all) {
		for (Named child : group.children().values()) {
			ConfigurationPropertyName name = prefix.append(child.dashed());
			if (child.node() instanceof Group nested) {
				collect(nested, name, all);
			}
			else if (child.node() instanceof Leaf leaf) {
				all.add(new Declared(name, leaf.defaultValue(), leaf.environmentOnly()));
			}
			else if (child.node() instanceof Values values) {
				all.add(new Declared(name, values.defaultValue(), false));
			}
			else {
				all.add(new Declared(name, null, false));
			}
		}
	}

}
