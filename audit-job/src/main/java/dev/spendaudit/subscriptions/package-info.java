/**
 * Flat-fee subscriptions: coding plans whose calls carry zero metered spend, their fees amortized by calendar day
 * and folded into the day's total.
 */
package dev.spendaudit.subscriptions;
