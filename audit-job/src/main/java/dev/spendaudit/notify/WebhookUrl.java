package dev.spendaudit.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A webhook's URL. Its path and query are the secret (Slack's and Discord's tokens, an ntfy topic), so what is ever
 * shown is the scheme, the host and a fingerprint: {@code https://hooks.slack.com/…[1a2b3c4d5e6f]}. The fingerprint
 * (the first 12 hex characters of the URL's sha256) also names the webhook in the {@code sent_notification} record.
 */
final class WebhookUrl {

	private final URI uri;

	private final String fingerprint;

	private WebhookUrl(URI uri) {
		this.uri = uri;
		this.fingerprint = sha256(uri.toString()).substring(0, 12);
	}

	/**
	 * @param setting the setting's path, for the message
	 * @throws IllegalArgumentException naming the setting, never the value, when it is not an http(s) URL with a
	 * host
	 */
	static WebhookUrl parse(String url, String setting) {
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && uri.getRawFragment() == null) {
				return new WebhookUrl(uri);
			}
		}
		catch (URISyntaxException ex) {
			// fall through: the message must not echo the value
		}
		throw new IllegalArgumentException(setting + " must be an http:// or https:// URL with a host and no user or"
				+ " #fragment, e.g. https://hooks.slack.com/services/... (the value is not shown: its path is a"
				+ " secret)");
	}

	URI uri() {
		return uri;
	}

	/** The first 12 hex characters of the URL's sha256: tells webhooks apart without showing them. */
	String fingerprint() {
		return fingerprint;
	}

	/** Scheme, host and port. */
	String host() {
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
	}

	/** {@code text} with the URL, its path and its query replaced by {@code …}. */
	String scrub(String text) {
		if (text == null) {
			return null;
		}
		String out = text.replace(uri.toString(), toString());
		for (String secret : new String[] { uri.getRawPath(), uri.getPath(), uri.getRawQuery(), uri.getQuery() }) {
			if (secret != null && secret.length() > 1) {
				out = out.replace(secret, "/…");
			}
		}
		return out;
	}

	/** All of the URL that may be shown: {@code https://hooks.slack.com/…[1a2b3c4d5e6f]}. */
	@Override
	public String toString() {
		return host() + "/…[" + fingerprint + "]";
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
