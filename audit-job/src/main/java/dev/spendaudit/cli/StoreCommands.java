package dev.spendaudit.cli;

import java.nio.file.Path;
import java.util.Map;

import dev.spendaudit.core.SettingsException;
import dev.spendaudit.db.DatabaseEndpoints;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the commands that only read or tend the job's store ({@code status}, {@code ack}, {@code prune}) share:
 * their output is the answer alone, so logging stays quiet (failures still print one line), and they need a real
 * store, not the demo's throwaway one.
 */
final class StoreCommands {

	private StoreCommands() {
	}

	static ConfigurableApplicationContext start(Path configFile, String command) {
		ConfigurableApplicationContext context = AuditContext.start(configFile, Map.of("logging.level.root", "OFF",
				"logging.level.dev.spendaudit", "OFF", "logging.level.io.zonky", "OFF"));
		if (context.getBean(DatabaseEndpoints.class).demo()) {
			context.close();
			throw new SettingsException(command + " needs the job's store, where the audited days are kept:"
					+ " set spend-audit.source.url (or spend-audit.store.url)");
		}
		return context;
	}

}
