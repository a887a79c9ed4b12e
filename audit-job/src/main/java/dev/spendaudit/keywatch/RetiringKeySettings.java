package dev.spendaudit.keywatch;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys being retired ({@code spend-audit.retiring-keys[i]}), watched until they go quiet.
 *
 * @param retiringKeys the keys, checked here, where each entry's index is known, so a message names the exact
 * path ({@code spend-audit.retiring-keys[0].quiet-days})
 */
@ConfigurationProperties(prefix = "spend-audit")
public record RetiringKeySettings(List<RetiringKey> retiringKeys) {

	public RetiringKeySettings {
		retiringKeys = RetiringKey.validated(retiringKeys);
	}

}
