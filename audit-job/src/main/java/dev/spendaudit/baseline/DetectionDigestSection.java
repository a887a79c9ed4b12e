package dev.spendaudit.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Finding;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;

/**
 * Detection's part of the digest, read back from the store: the day's findings, {@code baseline} (the total
 * against its rolling median, the quiet movers, the thresholds in force) and {@code attributionHealth} (the
 * share of spend no alias names, shown every day).
 */
class DetectionDigestSection implements DigestSection {

	private final FindingStore store;

	DetectionDigestSection(FindingStore store) {
		this.store = store;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		Map<String, Object> fields = new LinkedHashMap<>();
		store.baseline(core.date()).ifPresent(b -> fields.put("baseline", b));
		store.attributionHealth(core.date()).ifPresent(h -> fields.put("attributionHealth", h));
		return fields;
	}

	@Override
	public List<Finding> findings(DigestDocument core) {
		return store.findings(core.date());
	}

}
