package dev.spendaudit.doctor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets as {@code doctor} shows them: {@code ****} and a short HMAC-SHA256 fingerprint keyed with a random key
 * made for this one run. Two places holding the same password show the same fingerprint within one report; the
 * fingerprint means nothing outside it. Every secret masked is remembered, so any text can be scrubbed of it.
 */
public final class Secrets {

	private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)([^&;\\s]*)");

	private static final Pattern USER_INFO = Pattern.compile("^([a-z][a-z0-9+.-]*://[^:/@\\s]*:)([^@\\s]*)(@)",
			Pattern.CASE_INSENSITIVE);

	/** Shorter values would scrub ordinary words out of the report. */
	private static final int SCRUB_MIN_LENGTH = 4;

	private final Mac mac;

	private final Set<String> seen = new LinkedHashSet<>();

	public Secrets() {
		this(randomKey());
	}

	Secrets(byte[] key) {
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable: " + ex.getMessage(), ex);
		}
	}

	/** Whether a setting of this name holds a secret (a password, token or the like), judged by its last part. */
	public static boolean isSecretName(String name) {
		String last = name.substring(name.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "").toLowerCase(Locale.ROOT);
		return last.contains("password") || last.contains("secret") || last.equals("token") || last.endsWith("-token")
				|| last.contains("credential") || last.equals("master-key-sha256") || last.endsWith("api-key")
				|| last.endsWith("admin-key") || last.endsWith("management-key");
	}

	/** {@code ****[a1b2c3d4]}, or {@code (empty)} for an empty value. */
	public synchronized String mask(String secret) {
		if (secret == null) {
			return "(none)";
		}
		if (secret.isEmpty()) {
			return "(empty)";
		}
		if (secret.length() >= SCRUB_MIN_LENGTH) {
			seen.add(secret);
		}
		return "****[" + fingerprint(secret) + "]";
	}

	/** The first 8 hex digits of the value's HMAC under this run's key. */
	public synchronized String fingerprint(String secret) {
		byte[] digest = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, 4);
	}

	/** A URL with its password (a {@code password=} parameter or {@code user:password@}) masked. */
	public String maskUrl(String url) {
		if (url == null) {
			return null;
		}
		String masked = replace(PASSWORD_PARAM.matcher(url));
		return replace(USER_INFO.matcher(masked));
	}

	/**
	 * A URL whose path or query may be the secret (a heartbeat or webhook URL): scheme and host kept, the rest
	 * masked.
	 */
	public String maskPath(String url) {
		int host = url.indexOf("://");
		int path = host < 0 ? -1 : indexOfAny(url, "/?#", host + 3);
		if (path < 0) {
			return url;
		}
		// a query right after the host (https://ntfy.example?auth=...) is as secret as a path
		String head = url.charAt(path) == '/' ? url.substring(0, path + 1) : url.substring(0, path) + "/";
		String rest = url.substring(url.charAt(path) == '/' ? path + 1 : path);
		return rest.isEmpty() ? url : head + mask(rest);
	}

	private static int indexOfAny(String text, String chars, int from) {
		for (int i = from; i < text.length(); i++) {
			if (chars.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/** {@code text} with every secret masked so far replaced by its mask, longest first. */
	public synchronized String scrub(String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String secret : seen.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
			result = result.replace(secret, "****[" + fingerprint(secret) + "]");
		}
		return result;
	}

	private String replace(Matcher m) {
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + mask(m.group(2)) + groupOrEmpty(m, 3)));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String groupOrEmpty(Matcher m, int group) {
		return m.groupCount() >= group ? m.group(group) : "";
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
