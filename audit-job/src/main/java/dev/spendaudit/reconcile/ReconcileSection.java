package dev.spendaudit.reconcile;

import java.util.Map;

import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import org.springframework.core.Ordered;

/**
 * The digest's {@code reconcile} section ({@link ReconcileReport}): per provider and UTC day, billed against logged,
 * as step {@code reconcileBills} computed it. Only when an inbox is configured. Its findings are
 * {@link BillRule}'s.
 */
public class ReconcileSection implements DigestSection, Ordered {

	private final Reconciliation reconciliation;

	public ReconcileSection(Reconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	@Override
	public int getOrder() {
		return 400;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		if (!reconciliation.enabled()) {
			return Map.of();
		}
		return reconciliation.stored(core.date()).<Map<String, Object>>map(r -> Map.of("reconcile", r)).orElse(Map.of());
	}

}
