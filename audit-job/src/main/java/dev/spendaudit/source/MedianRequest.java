package dev.spendaudit.source;

/**
 * The median request of some key hashes on one model: its prompt and completion tokens, each null without requests.
 */
public record MedianRequest(Long promptTokens, Long completionTokens) {

	/** The median of no requests. */
	public static final MedianRequest UNKNOWN = new MedianRequest(null, null);

}
