/**
 * What every feature shares: the audited day and its window, findings and severities, the zone and output
 * folder ({@code CoreSettings}) and the shape of a per-day step.
 */
package dev.spendaudit.core;
