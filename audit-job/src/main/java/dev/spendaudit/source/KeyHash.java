package dev.spendaudit.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * LiteLLM's key hash: the SHA-256 hex digest of the raw {@code sk-...} string, as stored in
 * {@code "LiteLLM_VerificationToken".token} and {@code "LiteLLM_SpendLogs".api_key}.
 */
public final class KeyHash {

	private KeyHash() {
	}

	public static String of(String rawKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/**
	 * A short, shareable fingerprint of a key hash: its first 12 hex characters. The {@code keys} command shows it
	 * and {@code fingerprint} prints it for a raw key, so the two can be matched without the key itself.
	 */
	public static String fingerprint(String tokenHash) {
		if (tokenHash == null || tokenHash.isEmpty()) {
			return "";
		}
		return tokenHash.substring(0, Math.min(12, tokenHash.length()));
	}

	/** LiteLLM's abbreviated display form of a raw key: {@code sk-...} and its last four characters. */
	public static String keyName(String rawKey) {
		return "sk-..." + rawKey.substring(Math.max(0, rawKey.length() - 4));
	}

}
