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
	 * and {@code fingerprint} prints it for a raw key, so the two can be matched without the key itself. An
	 * {@code api_key} value that is not a hash (a raw key an older LiteLLM stored) is fingerprinted by its sha256,
	 * which is what {@code fingerprint} prints for that key; the master-key literal is shown as it is.
	 */
	public static String fingerprint(String tokenHash) {
		if (tokenHash == null || tokenHash.isEmpty()) {
			return "";
		}
		if (WorkloadResolver.MASTER_KEY_LITERAL.equals(tokenHash)) {
			return tokenHash;
		}
		// older LiteLLM stored some raw bearer tokens instead of their hash: never show any part of one
		String hash = isTokenHash(tokenHash) ? tokenHash : of(tokenHash);
		return hash.substring(0, 12);
	}

	/** Whether an {@code api_key} value is a token hash (64 lower-case hex), not a raw key stored by mistake. */
	public static boolean isTokenHash(String apiKey) {
		return apiKey != null && apiKey.length() == 64 && apiKey.chars().allMatch(c -> (c >= '0' && c <= '9')
				|| (c >= 'a' && c <= 'f'));
	}

	/** LiteLLM's abbreviated display form of a raw key: {@code sk-...} and its last four characters. */
	public static String keyName(String rawKey) {
		return "sk-..." + rawKey.substring(Math.max(0, rawKey.length() - 4));
	}

}
