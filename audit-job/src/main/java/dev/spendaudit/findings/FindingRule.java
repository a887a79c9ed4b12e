package dev.spendaudit.findings;

import java.util.List;

/**
 * A rule that reports findings about an audited day. Implementations are beans in their feature's package; step
 * {@code detectFindings} runs every one of them after the feature steps, so a rule reads what its feature's step
 * stored for the day (through the feature's own store) and never what the digest renders. The pipeline does the
 * rest: memory across nights, ids, the one order of the day and the store. Adding a rule is this one class, its
 * settings and its test.
 */
public interface FindingRule {

	/** Every kind this rule reports, with its rank in the day's order. A kind belongs to one rule only. */
	List<FindingKind> kinds();

	/**
	 * Whether the rule speaks of one gateway at a time: it then runs once per configured gateway, and its findings
	 * carry that gateway ({@link RuleDay#source()}). The others look at the whole fleet and run once, under the
	 * first gateway's name.
	 */
	default boolean perSource() {
		return false;
	}

	/** What the rule finds about the day, in any order. */
	List<Detected> findings(RuleDay day);

}
