package dev.spendaudit.source;

/**
 * Which rule named a key's workload, strongest first. The order is the order in which {@link WorkloadResolver}
 * tries them.
 */
public enum Attribution {

	/** The key's current {@code key_alias}. */
	KEY_ALIAS,
	/** The alias the key had when it was deleted ({@code "LiteLLM_DeletedVerificationToken"}). */
	DELETED_KEY,
	/** The current alias of the key this hash was rotated into ({@code "LiteLLM_DeprecatedVerificationToken"}). */
	ROTATED_KEY,
	/** The alias recorded on the request itself ({@code metadata->>'user_api_key_alias'}). */
	REQUEST_ALIAS,
	/** The proxy master key: the literal {@code litellm_proxy_master_key} or the configured sha256. */
	MASTER_KEY,
	/** The key's abbreviated {@code key_name}, such as {@code sk-...9f3a}: a key that has no alias. */
	KEY_NAME,
	/** Nothing known about the hash: workload {@code unknown:} and its first 8 characters (of its sha256 for a raw key). */
	UNKNOWN_KEY,
	/**
	 * The request's own tag named it ({@code spend-audit.tags.workload-prefix}): not a rule about the key, so
	 * {@link WorkloadResolver} never tries it; it stands for the request's calls whatever the key resolved to.
	 */
	TAG;

	/** Whether spend under this rule is attributed to a named workload (an alias of some kind). */
	public boolean isAliased() {
		return this == KEY_ALIAS || this == DELETED_KEY || this == ROTATED_KEY || this == REQUEST_ALIAS || this == TAG;
	}

}
