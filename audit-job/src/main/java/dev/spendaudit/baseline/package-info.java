/**
 * Detection: each audited day against a rolling baseline (spikes, drift), budgets, unpriced models, new series
 * and attribution health, each finding explained in plain numbers and remembered between nights. Commons Math
 * lives only here.
 */
package dev.spendaudit.baseline;
