/**
 * Is the spend log still being written? Freshness, the longest gap, and the capture check against what LiteLLM
 * keeps writing when spend logs are off.
 */
package dev.spendaudit.staleness;
