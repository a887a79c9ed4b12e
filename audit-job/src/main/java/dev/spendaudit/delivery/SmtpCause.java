package dev.spendaudit.delivery;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Why a mail failed, in one line: the deepest reason, with the SMTP password masked should a server echo it. */
final class SmtpCause {

	private SmtpCause() {
	}

	static String of(Throwable ex, JavaMailSender sender) {
		if (ex == null) {
			return "unknown failure";
		}
		Throwable root = ex;
		// Spring keeps a refused recipient's reason (the server's 550 line) per message, not as the cause
		if (ex instanceof MailSendException send && send.getMessageExceptions().length > 0) {
			root = send.getMessageExceptions()[0];
		}
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		message = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
		if (sender instanceof JavaMailSenderImpl impl && impl.getPassword() != null && !impl.getPassword().isEmpty()) {
			message = message.replace(impl.getPassword(), "****");
		}
		return message;
	}

}
