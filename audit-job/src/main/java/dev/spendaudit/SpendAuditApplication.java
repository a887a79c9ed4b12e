package dev.spendaudit;

import dev.spendaudit.cli.SpendAuditCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * spend-audit: the nightly LLM-spend audit over a LiteLLM proxy's Postgres spend log.
 * <p>
 * {@code main} parses the command line first (picocli), so bad options stop before Spring, a database or any
 * other work starts; each command then boots this application context for the work itself.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpendAuditApplication {

	public static void main(String[] args) {
		System.exit(SpendAuditCommand.execute(SpendAuditApplication.class, args));
	}

}
