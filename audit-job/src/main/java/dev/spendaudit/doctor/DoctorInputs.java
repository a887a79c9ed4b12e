package dev.spendaudit.doctor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import dev.spendaudit.delivery.MailSettings;
import dev.spendaudit.delivery.SmtpProbe;

/**
 * Everything {@code doctor} checks, resolved from the settings as the nightly run would resolve them.
 *
 * @param settings the settings in force, secrets masked
 * @param configError why the settings do not bind (the run would stop with this line), or null
 * @param source the LiteLLM database; null when none is configured
 * @param demo whether the source is the built-in demo database
 * @param store the store database (the source's when not set apart)
 * @param mail the recipients; null when the mail settings are invalid
 * @param smtp the SMTP server; null when {@code spring.mail.host} is unset
 * @param unit the job's systemd service; null when there is none
 * @param envFile the env file to check, null for none; {@code envFileNamedBy} says where it was named
 * @param historyDays how far back the audit reads on its first night
 */
public record DoctorInputs(List<Setting> settings, String configError,
		DatabaseLogin source, boolean demo, DatabaseLogin store, String storeSchema, ZoneId zone, Path out,
		Path textfileDir, Duration warnAge, Duration errorAge, int historyDays, MailSettings mail, SmtpProbe smtp,
		boolean sendTest, SystemdUnit unit, Path envFile, String envFileNamedBy, GatewayChecks.Inputs gateway,
		String currentUser, Clock clock) {
}
