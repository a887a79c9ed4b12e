package dev.spendaudit.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingState;
import dev.spendaudit.findings.FindingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step {@code notifyWebhooks}'s work: pushes each webhook what earlier runs could not deliver, then the day's due
 * findings ({@link DuePushes}), each once. A push that fails is one warning line and a FAILED record, tried again
 * by the next runs for {@value #RETRY_DAYS} days; it never fails the day.
 */
class WebhookNotifier {

	/** How long a push that could not be delivered is tried again by later runs. */
	static final int RETRY_DAYS = 7;

	private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

	private final NotifySettings settings;

	private final WebhookSender sender;

	private final SentNotifications ledger;

	private final FindingStore findings;

	private final FindingQuieting quieting;

	private final Clock clock;

	WebhookNotifier(NotifySettings settings, WebhookSender sender, SentNotifications ledger, FindingStore findings,
			FindingQuieting quieting, Clock clock) {
		this.settings = settings;
		this.sender = sender;
		this.ledger = ledger;
		this.findings = findings;
		this.quieting = quieting;
		this.clock = clock;
	}

	/** What the step did, for its one log line. */
	record Outcome(int pushed, int failed, int already, int retried) {

		String line() {
			return "webhooks: " + pushed + " pushed" + (retried > 0 ? " (" + retried + " from earlier runs)" : "")
					+ ", " + failed + " failed" + (failed > 0 ? " (the next run tries again)" : "") + ", " + already
					+ " already pushed";
		}

	}

	/**
	 * @param send whether this run delivers (false for {@code --no-send}, a range without {@code --send}, the days
	 * a catch-up audits before the newest, and the demo): then nothing is pushed
	 * @return what was done, or null when there is nothing to do (no webhooks, or sending is off)
	 */
	Outcome notify(LocalDate date, boolean send, Long jobExecutionId) {
		if (settings.webhooks().isEmpty() || !send) {
			return null;
		}
		List<Finding> today = findings.findings(date);
		Map<String, Severity> yesterday = new HashMap<>();
		if (today.stream().anyMatch(f -> FindingState.CONTINUING.equals(f.state()))) {
			findings.findings(date.minusDays(1)).forEach(f -> yesterday.putIfAbsent(f.id(), f.severity()));
		}
		Tally tally = new Tally();
		for (Webhook webhook : settings.webhooks()) {
			WebhookUrl url = webhook.target();
			try {
				// what earlier runs could not deliver goes first, oldest first, as it was rendered then
				for (SentNotifications.Unsent unsent : ledger.unsent(url.fingerprint(),
						now().minus(Duration.ofDays(RETRY_DAYS)), date)) {
					tally.count(deliver(url, webhook, unsent.date(), unsent.kind(), unsent.findingId(),
							unsent.state(), unsent.message()), true);
				}
				for (Push push : DuePushes.due(date, webhook, today, yesterday,
						id -> ledger.announced(url.fingerprint(), id, date), quieting)) {
					if (ledger.status(url.fingerprint(), date, push.finding().id(), push.state())
						.filter(SentNotifications.SENT::equals)
						.isPresent()) {
						tally.already++;
						continue;
					}
					Message message = WebhookMessages.render(webhook.messageFormat(), push);
					ledger.sending(url.fingerprint(), push, webhook.messageFormat(), message, jobExecutionId, now());
					tally.count(deliver(url, webhook, date, push.finding().kind(), push.finding().id(), push.state(),
							message), false);
				}
			}
			catch (RuntimeException ex) {
				// the store failing here fails no audit: the day is done and its digest is the record
				log.error("{}: webhook {} ({}): {}", date, url, webhook.format(),
						url.scrub(String.valueOf(ex.getMessage())));
				tally.failed++;
			}
		}
		return new Outcome(tally.pushed, tally.failed, tally.already, tally.retried);
	}

	private boolean deliver(WebhookUrl url, Webhook webhook, LocalDate date, String kind, String findingId,
			String state, Message message) {
		String fp = url.fingerprint();
		try {
			sender.send(url, message, () -> ledger.attempted(fp, date, findingId, state));
			ledger.sent(fp, date, findingId, state, now());
			return true;
		}
		catch (WebhookSender.PushFailedException ex) {
			ledger.failed(fp, date, findingId, state, ex.getMessage());
			log.warn("{}: webhook {} ({}): {} {} {} not pushed ({} {}): {}; recorded FAILED, the next run tries again",
					date, url, webhook.format(), kind, findingId, state, ex.attempts(),
					ex.attempts() == 1 ? "attempt" : "attempts", ex.getMessage());
			return false;
		}
	}

	/** The step's counts while it goes. */
	private static final class Tally {

		int pushed;

		int failed;

		int already;

		int retried;

		void count(boolean ok, boolean earlier) {
			if (ok) {
				pushed++;
				retried += earlier ? 1 : 0;
			}
			else {
				failed++;
			}
		}

	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
	}

}
