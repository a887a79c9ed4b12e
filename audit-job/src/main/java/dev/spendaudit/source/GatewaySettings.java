package dev.spendaudit.source;

/**
 * One gateway of {@code spend-audit.sources[i]}: a LiteLLM database with a name of its own, which every fact, finding
 * and workload read from it carries. The password is never shown (see {@link #toString()}).
 *
 * @param name the gateway's name: letters, digits, {@code _}, {@code -} and {@code .}, at most 40, unique
 * @param masterKeySha256 sha256 hex of this gateway's master key, so its calls are named {@code master-key}
 */
public record GatewaySettings(String name, String url, String username, String password, String masterKeySha256) {

	@Override
	public String toString() {
		return "GatewaySettings[name=" + name + ", url=" + url + ", username=" + username + ", password="
				+ (password == null ? "" : "****") + ", masterKeySha256=" + (masterKeySha256 == null ? "" : "set") + "]";
	}

}
