/**
 * The month's and the week's statement: metered spend, flat-fee plans and their total, per workload and model
 * against the period before, built from the store's history alone, written as JSON, HTML, text and {@code .eml},
 * and mailed once per period.
 */
package dev.spendaudit.statement;
