package dev.spendaudit.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.UnreadGateways;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day's findings from every rule: asks each rule, gives each finding its memory and id, puts the lot in the
 * day's one order and stores it.
 */
public class FindingPipeline {

	/** How many later days a rerun of a past day looks at to know how long a run lasted. */
	static final int LATER_DAYS = 35;

	private static final Logger log = LoggerFactory.getLogger(FindingPipeline.class);

	private final List<FindingRule> rules;

	private final FindingStore store;

	private final FindingOrder order;

	private final Acknowledgements acknowledgements;

	private final UnreadGateways unread;

	public FindingPipeline(List<FindingRule> rules, FindingStore store, Acknowledgements acknowledgements) {
		this(rules, store, acknowledgements, UnreadGateways.NONE);
	}

	/** @param unread the gateways not read on a day: their open findings are held, not resolved */
	public FindingPipeline(List<FindingRule> rules, FindingStore store, Acknowledgements acknowledgements,
			UnreadGateways unread) {
		this.unread = unread;
		this.rules = List.copyOf(rules);
		this.store = store;
		this.acknowledgements = acknowledgements;
		this.order = new FindingOrder(rules.stream().flatMap(r -> r.kinds().stream()).toList());
	}

	/** Runs every rule on the day of one source and stores the day's findings; returns them in the day's order. */
	public List<Finding> run(AuditDay day, String source, long jobExecutionId) {
		return run(day, source, jobExecutionId, true);
	}

	/**
	 * Runs the rules on the day of one gateway and stores its findings; returns them in the day's order.
	 *
	 * @param fleet whether this gateway also carries the fleet-wide rules' findings (the first gateway): the
	 * others get only the per-gateway rules' ({@link FindingRule#perSource()})
	 */
	public List<Finding> run(AuditDay day, String source, long jobExecutionId, boolean fleet) {
		long started = System.nanoTime();
		RuleDay ruleDay = new RuleDay(day, source, jobExecutionId, fleet);
		List<Detected> detected = new ArrayList<>();
		for (FindingRule rule : rules) {
			if (!fleet && !rule.perSource()) {
				continue;
			}
			for (Detected d : rule.findings(ruleDay)) {
				if (!order.declares(d.kind())) {
					throw new IllegalStateException(rule.getClass().getSimpleName() + " reported a " + d.kind()
							+ " finding but does not declare that kind");
				}
				detected.add(d);
			}
		}
		FindingMemory memory = new FindingMemory(day.date(), source, store.dayBefore(day.date(), source),
				store.between(day.date().plusDays(1), day.date().plusDays(LATER_DAYS), source),
				unread.on(day.date()).contains(source));
		List<Remembered> remembered = new ArrayList<>(memory.remember(detected));
		remembered.sort(order.comparator());
		List<Finding> findings = acknowledged(findings(remembered, source), day.date());
		store.replace(day.date(), source, remembered, findings, jobExecutionId);
		log.info("{}: {} findings of {} ({}, {} resolved since the day before, {} acknowledged) in {} ms", day.date(),
				findings.size(), source, Finding.status(findings), findings.stream().filter(Finding::resolved).count(),
				findings.stream().filter(f -> f.acknowledged() != null).count(),
				(System.nanoTime() - started) / 1_000_000);
		return findings;
	}

	/** Each open finding with the acknowledgement in force on the day; an ended (RESOLVED) one is never quieted. */
	private List<Finding> acknowledged(List<Finding> findings, LocalDate date) {
		return findings.stream()
			.map(f -> f.resolved() ? f : f.with(acknowledgements.on(f.id(), date).orElse(null)))
			.toList();
	}

	/** The findings as shown; an id already taken that day (two findings of one run) gets a "-2", "-3"... */
	private static List<Finding> findings(List<Remembered> remembered, String source) {
		Map<String, Integer> ids = new HashMap<>();
		List<Finding> findings = new ArrayList<>(remembered.size());
		for (Remembered r : remembered) {
			int n = ids.merge(r.id(), 1, Integer::sum);
			String id = n == 1 ? r.id() : r.id() + "-" + n;
			Detected d = r.detected();
			Map<String, Object> details = FindingStore.tree(d.details());
			details.put("state", FindingStore.tree(r.state()));
			if (r.previousSeverity() != null) {
				details.put("previousSeverity", r.previousSeverity().name());
			}
			findings.add(new Finding(id, d.kind(), d.severity(), d.subject(), source, d.actualUsd(), d.baselineUsd(),
					r.reason(), details));
		}
		return findings;
	}

}
