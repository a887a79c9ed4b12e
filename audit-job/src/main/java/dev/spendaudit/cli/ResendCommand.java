package dev.spendaudit.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.ExitCode;
import dev.spendaudit.core.SettingsException;
import dev.spendaudit.db.DatabaseEndpoints;
import dev.spendaudit.delivery.DigestDelivery;
import dev.spendaudit.schedule.DayLocks;
import dev.spendaudit.schedule.RunOutcome;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code resend --date D}: mails a day's stored digest ({@code DIR/digest-D.eml}) to the recipients configured
 * now, whether or not it went out before; recorded like any other delivery. Audits nothing.
 */
@Command(name = "resend", mixinStandardHelpOptions = true,
		description = { "Mail a day's stored digest (DIR/digest-YYYY-MM-DD.eml) to spend-audit.mail.to again,",
				"e.g. after the SMTP server was down or for a new recipient. Audits nothing." })
class ResendCommand implements Callable<Integer> {

	@Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = DateOptions.IsoDate.class,
			description = "the day whose digest to send")
	LocalDate date;

	@Mixin
	ConfigOption config;

	@Option(names = "--out", paramLabel = "DIR",
			description = "folder holding the day's files (default: spend-audit.out, ./out)")
	Path out;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		Path configFile = config.checked();
		CommandHealth health = CommandHealth.begin(configFile, Map.of(), out, true, spec.commandLine().getErr());
		try (ConfigurableApplicationContext context = AuditContext.start(configFile, Map.of())) {
			health.attach(context, out);
			if (context.getBean(DatabaseEndpoints.class).demo()) {
				throw new SettingsException("resend needs the job's store, where sent digests are recorded:"
						+ " set spend-audit.source.url (or spend-audit.store.url)");
			}
			Path dir = out != null ? out : context.getBean(CoreSettings.class).out();
			try (DayLocks.Lock lock = context.getBean(DayLocks.class).lock(date)) {
				DigestDelivery.Outcome outcome = context.getBean(DigestDelivery.class).resend(date, dir);
				spec.commandLine().getOut().println(date + "  " + outcome.line());
				spec.commandLine().getOut().flush();
			}
			return health.finish(new RunOutcome(ExitCode.DONE, null));
		}
		catch (RuntimeException ex) {
			throw health.failed(ex);
		}
	}

}
