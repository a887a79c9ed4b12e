/**
 * Fetching the providers' bills with their admin keys (OpenRouter's activity, OpenAI's costs and usage, Anthropic's
 * cost and usage reports) into the inbox, page by page as served, so that the inbox reads them like downloaded
 * files and a rerun is reproducible offline. A provider that fails is reported, never fails the night; no key is
 * ever printed.
 */
package dev.spendaudit.reconcile.fetch;
