/**
 * Push for what cannot wait: after the day's findings are stored, step {@code notifyWebhooks} pushes each new
 * finding at or above a webhook's severity (and, if asked, its resolution) to Slack, Discord, ntfy or any JSON
 * endpoint, once: the {@code sent_notification} record says what already went out. A webhook's URL is its secret:
 * only its host and a fingerprint are ever shown.
 */
package dev.spendaudit.notify;
