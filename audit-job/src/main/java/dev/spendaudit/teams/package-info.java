/**
 * Teams: the day's spend, requests, failures and tokens by LiteLLM team and by team × workload, from the keys'
 * teams the day's read stored; the digest's {@code teams} field and section.
 */
package dev.spendaudit.teams;
