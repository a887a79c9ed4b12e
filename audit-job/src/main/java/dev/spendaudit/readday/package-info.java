/**
 * The job's first two steps: {@code ensureHistory} makes sure every day the features look back over has facts in
 * the history (rolling up the missing ones quietly, each under its day lock), then {@code readDay} reads the
 * audited day from the source once into its facts.
 */
package dev.spendaudit.readday;
