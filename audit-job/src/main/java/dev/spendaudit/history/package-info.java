/**
 * The job's history of days: the only code that reads or writes the day fact tables ({@code audit_day},
 * {@code source_day}, {@code key_model_day}, {@code prompt_bucket_day}, {@code provider_utc_hour},
 * {@code key_utc_date}, {@code anomalous_row}). Every feature reads past days through its small read API.
 */
package dev.spendaudit.history;
