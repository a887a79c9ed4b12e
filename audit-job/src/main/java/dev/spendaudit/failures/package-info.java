/**
 * Failed calls: a workload whose requests fail at a high rate on the audited day is a finding (FAILURES), read from
 * the day's stored groups.
 */
package dev.spendaudit.failures;
