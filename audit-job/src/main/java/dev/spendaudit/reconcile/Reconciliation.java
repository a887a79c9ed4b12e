package dev.spendaudit.reconcile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.reconcile.BillStore.DayMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciling, night by night or on demand: the inbox is read first (new and changed files), then the UTC days are
 * reconciled. A night also remembers which days were pending, so that the night that reconciles one says so, and
 * stores its section for the digest, the findings and reruns.
 */
public class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ReconcileSettings settings;

	private final Inbox inbox;

	private final Reconciler reconciler;

	private final BillStore store;

	private final Clock clock;

	private final List<BillFetch> fetches;

	Reconciliation(ReconcileSettings settings, Inbox inbox, Reconciler reconciler, BillStore store, Clock clock,
			List<BillFetch> fetches) {
		this.fetches = List.copyOf(fetches);
		this.settings = settings;
		this.inbox = inbox;
		this.reconciler = reconciler;
		this.store = store;
		this.clock = clock;
	}

	public boolean enabled() {
		return settings.enabled();
	}

	/**
	 * The UTC days the audited day reconciles: the {@code window-days} UTC days that ended by the day's end
	 * ({@code [end − window-days, end)}, the last one the UTC day before the one the day's end falls in).
	 */
	public static List<LocalDate> window(AuditDay day, int windowDays) {
		LocalDate last = day.toUtc().toLocalDate().minusDays(1);
		return List.of(last.minusDays(windowDays - 1L), last);
	}

	/** Step {@code reconcileBills}: fetches ({@link BillFetch}), reads the inbox, reconciles the audited day's window, remembers and stores it. */
	public ReconcileReport audit(AuditDay day) {
		List<LocalDate> window = window(day, settings.windowDays());
		List<String> fetchFailed = fetch(window.get(1));
		InboxRead read = inbox.read();
		List<ProviderDay> days = reconciler.reconcile(window.get(0), window.get(1));
		Map<String, DayMemory> memory = store.memory(window.get(0), window.get(1));
		List<ProviderDay> remembered = new ArrayList<>();
		LocalDate tonight = day.date();
		for (ProviderDay p : days) {
			String key = p.provider() + " " + p.date();
			DayMemory m = memory.getOrDefault(key, new DayMemory(null, null));
			DayMemory next;
			if (p.reconciled()) {
				LocalDate on = m.reconciledOn() == null || m.reconciledOn().isAfter(tonight) ? tonight : m.reconciledOn();
				next = new DayMemory(m.pendingOn(), on);
			}
			else {
				LocalDate since = m.pendingOn() == null || m.pendingOn().isAfter(tonight) ? tonight : m.pendingOn();
				next = new DayMemory(since, null);
			}
			if (!next.equals(m)) {
				store.putMemory(p.provider(), LocalDate.parse(p.date()), next);
			}
			boolean reconciledTonight = p.reconciled() && tonight.equals(next.reconciledOn())
					&& next.pendingOn() != null && next.pendingOn().isBefore(tonight);
			remembered.add(p.tonight(reconciledTonight));
			if (reconciledTonight) {
				log.info("Reconciled tonight: {} {} (pending since {})", p.provider(), p.date(), next.pendingOn());
			}
		}
		ReconcileReport report = report(window, remembered, read, fetchFailed);
		store.putDigest(day.date(), JSON.writeValueAsString(report), clock.instant());
		return report;
	}

	/** {@code spend-audit reconcile}: fetches, reads the inbox and reconciles {@code from .. to}, remembering nothing. */
	public ReconcileReport range(LocalDate from, LocalDate to) {
		List<String> fetchFailed = fetch(to);
		InboxRead read = inbox.read();
		return report(List.of(from, to), reconciler.reconcile(from, to), read, fetchFailed);
	}

	/**
	 * Per provider, the capture of the UTC days {@code from .. to} from the bills already stored: no fetch, no
	 * inbox read, no lookup in the spend log (a statement is built from the store alone). Empty when reconciliation
	 * is off or no bill names these days.
	 */
	public List<ProviderCapture> capture(LocalDate from, LocalDate to) {
		return settings.enabled() ? ProviderCapture.of(reconciler.totals(from, to)) : List.of();
	}

	/** The section the audited day's run stored, if reconciliation ran for it. */
	public Optional<ReconcileReport> stored(LocalDate auditDate) {
		return store.digest(auditDate).map(json -> JSON.readValue(json, ReconcileReport.class));
	}

	private List<String> fetch(LocalDate lastUtcDay) {
		return fetches.stream().flatMap(f -> f.fetch(lastUtcDay).stream()).toList();
	}

	private static ReconcileReport report(List<LocalDate> window, List<ProviderDay> days, InboxRead read,
			List<String> fetchFailed) {
		return new ReconcileReport("UTC", window.get(0).toString(), window.get(1).toString(), days, read.unreadable(),
				read.files(), read.read(), fetchFailed);
	}

}
