/**
 * What happened on the last nights, from the store alone: each audited day's status, money, findings, freshness,
 * mail and run time, and the findings still open ({@code spend-audit status}).
 */
package dev.spendaudit.status;
