package dev.spendaudit.delivery;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.MailException;

/** How every mail (the digest, a statement) is retried: {@code mail.retries} times, the wait doubling up to 8×. */
final class SmtpRetry {

	private SmtpRetry() {
	}

	static RetryTemplate of(MailSettings settings) {
		return new RetryTemplate(RetryPolicy.builder()
			.maxRetries(settings.retries())
			.delay(settings.retryDelay())
			.multiplier(2)
			.maxDelay(settings.retryDelay().multipliedBy(8))
			.includes(MailException.class)
			.build());
	}

}
