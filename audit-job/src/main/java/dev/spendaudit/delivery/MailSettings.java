package dev.spendaudit.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who gets the digest ({@code spend-audit.mail.*}). The SMTP server, its credentials and STARTTLS are Spring's own
 * {@code spring.mail.*} settings ({@code host}, {@code port}, {@code username}, {@code password},
 * {@code properties.mail.smtp.starttls.enable}).
 *
 * @param to the recipients; none means the digest is only written to files
 * @param from the sender; required when there are recipients
 * @param subjectPrefix put in front of every subject
 * @param retries how many times a failed send is tried again before the run fails
 * @param retryDelay the wait before the first retry; it doubles before each further one
 * @param connectTimeout how long one attempt waits for the SMTP server to accept the connection
 * @param readTimeout how long one attempt waits for each answer of the SMTP server (and for each write to it), so
 * a server that accepts and never answers cannot hold the run
 */
@ConfigurationProperties(prefix = "spend-audit.mail", ignoreUnknownFields = false)
public record MailSettings(List<String> to, String from, @DefaultValue("[spend-audit]") String subjectPrefix,
		@DefaultValue("3") int retries, @DefaultValue("5s") Duration retryDelay,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout) {

	public MailSettings {
		to = to == null ? List.of() : to.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
		to.forEach(address -> check("to", address));
		from = from == null || from.isBlank() ? null : from.strip();
		if (from != null) {
			check("from", from);
		}
		if (!to.isEmpty() && from == null) {
			throw new IllegalArgumentException("spend-audit.mail.from is required when spend-audit.mail.to is set");
		}
		subjectPrefix = subjectPrefix == null ? "" : subjectPrefix.strip();
		if (retries < 0 || retries > 10) {
			throw new IllegalArgumentException("spend-audit.mail.retries must be 0..10, not " + retries);
		}
		if (retryDelay == null || retryDelay.isNegative()) {
			throw new IllegalArgumentException("spend-audit.mail.retry-delay must not be negative");
		}
		connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(10));
		readTimeout = positive("read-timeout", readTimeout, Duration.ofSeconds(30));
	}

	/** No recipients: the digest is written to files only. */
	public static MailSettings none() {
		return new MailSettings(List.of(), null, "[spend-audit]", 3, Duration.ofSeconds(5), null, null);
	}

	/**
	 * JavaMail's timeouts, in milliseconds, for SMTP and SMTPS ({@code mail.smtp.connectiontimeout},
	 * {@code mail.smtp.timeout}, {@code mail.smtp.writetimeout}, ...): JavaMail waits forever without them.
	 */
	public Map<String, String> javaMailTimeouts() {
		Map<String, String> timeouts = new LinkedHashMap<>();
		for (String protocol : List.of("smtp", "smtps")) {
			timeouts.put("mail." + protocol + ".connectiontimeout", String.valueOf(connectTimeout.toMillis()));
			timeouts.put("mail." + protocol + ".timeout", String.valueOf(readTimeout.toMillis()));
			timeouts.put("mail." + protocol + ".writetimeout", String.valueOf(readTimeout.toMillis()));
		}
		return timeouts;
	}

	public boolean hasRecipients() {
		return !to.isEmpty();
	}

	private static Duration positive(String setting, Duration value, Duration fallback) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			// zero means "wait forever" to JavaMail: exactly what these settings are there to prevent
			throw new IllegalArgumentException("spend-audit.mail." + setting + " must be positive, not " + value);
		}
		return value;
	}

	private static void check(String setting, String address) {
		try {
			new InternetAddress(address, true).validate();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException(
					"spend-audit.mail." + setting + ": '" + address + "' is not an email address", ex);
		}
	}

}
