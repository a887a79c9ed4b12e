/**
 * What every feature shares: the audited day and its window, findings and their severity, the exit codes a run
 * ends with, the zone and output folder ({@code CoreSettings}), the shape of a per-day step and the one way a
 * quantity is printed ({@code Quantities}).
 */
package dev.spendaudit.core;
