/**
 * The digest by mail: the {@code .eml} composed from the rendered digest, sent at most once per day with retries,
 * and the {@code sent_digest} record. Jakarta Mail and Spring's mail support live only here.
 */
package dev.spendaudit.delivery;
