/**
 * Housekeeping ({@code spend-audit prune}, and step {@code pruneStore} after every audited day): Spring Batch's
 * records of old runs and old output files go; the day facts and findings, which are small, stay.
 */
package dev.spendaudit.prune;
