/**
 * One findings pipeline for every feature: each rule ({@link dev.spendaudit.findings.FindingRule}) is a bean in
 * its feature's package and reports what it found about the audited day; step {@code detectFindings} runs them
 * all, gives every finding its memory across nights (new, continuing, planned, resolved) and a stable id, ranks
 * them in one order and keeps them in one store, from which the digest reads them. This package imports no
 * feature package: the features import it.
 */
package dev.spendaudit.findings;
