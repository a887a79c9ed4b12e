package dev.spendaudit.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;

/**
 * Detection's part of the digest, read back from the store: {@code baseline} (the total against its rolling
 * median, the quiet movers, the thresholds in force) and {@code attributionHealth} (the share of spend no alias
 * names, shown every day). Its findings come with every other feature's, from the findings store.
 */
class DetectionDigestSection implements DigestSection {

	private final DetectionStore store;

	DetectionDigestSection(DetectionStore store) {
		this.store = store;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		Map<String, Object> fields = new LinkedHashMap<>();
		store.baseline(core.date()).ifPresent(b -> fields.put("baseline", b));
		store.attributionHealth(core.date()).ifPresent(h -> fields.put("attributionHealth", h));
		return fields;
	}

}
