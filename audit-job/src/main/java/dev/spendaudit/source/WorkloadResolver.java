package dev.spendaudit.source;

/**
 * Names the workload behind an {@code api_key} hash. Pure rules, no database: the facts come from
 * {@link KeyDirectory}.
 * <p>
 * Order: a current alias, a deleted key's alias, a rotated key's current alias, the request-time alias, then the
 * master key, then the key's abbreviated name, else unknown. The master key is recognised before
 * {@code key_name} because LiteLLM may keep a token row for the master key hash without an alias, and a user who
 * configured {@code master-key-sha256} wants those calls named {@code master-key}, not {@code sk-...abcd}.
 */
public final class WorkloadResolver {

	/** The literal LiteLLM stores instead of the master key hash when told not to store the hash. */
	public static final String MASTER_KEY_LITERAL = "litellm_proxy_master_key";

	private final String masterKeySha256;

	public WorkloadResolver(String masterKeySha256) {
		this.masterKeySha256 = masterKeySha256;
	}

	public Workload resolve(KeyFacts facts) {
		if (facts.currentAlias() != null) {
			return new Workload(facts.currentAlias(), Attribution.KEY_ALIAS);
		}
		if (facts.deletedAlias() != null) {
			return new Workload(facts.deletedAlias(), Attribution.DELETED_KEY);
		}
		if (facts.rotatedAlias() != null) {
			return new Workload(facts.rotatedAlias(), Attribution.ROTATED_KEY);
		}
		if (facts.requestAlias() != null) {
			return new Workload(facts.requestAlias(), Attribution.REQUEST_ALIAS);
		}
		if (isMasterKey(facts.apiKey())) {
			return new Workload("master-key", Attribution.MASTER_KEY);
		}
		String keyName = facts.currentKeyName() != null ? facts.currentKeyName() : facts.deletedKeyName();
		if (keyName != null) {
			return new Workload(keyName, Attribution.KEY_NAME);
		}
		return new Workload(unknownName(facts.apiKey()), Attribution.UNKNOWN_KEY);
	}

	boolean isMasterKey(String apiKey) {
		return MASTER_KEY_LITERAL.equals(apiKey) || (masterKeySha256 != null && masterKeySha256.equals(apiKey));
	}

	/**
	 * {@code unknown:} and the first 8 characters of the token hash: of the value itself when it is a 64-hex hash,
	 * else of the raw value's sha256, so that no part of a raw key is ever shown.
	 */
	static String unknownName(String apiKey) {
		if (apiKey == null || apiKey.isBlank()) {
			return "unknown:none";
		}
		// a value that is not a token hash is a raw key an older LiteLLM stored: name it by its hash, never by a prefix
		String hash = KeyHash.isTokenHash(apiKey) ? apiKey : KeyHash.of(apiKey);
		return "unknown:" + hash.substring(0, 8);
	}

}
