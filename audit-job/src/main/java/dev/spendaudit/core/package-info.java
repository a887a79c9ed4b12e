/**
 * The few value types every feature shares: the audited day and its window, findings and their severity, and the
 * exit codes a run ends with.
 */
package dev.spendaudit.core;
