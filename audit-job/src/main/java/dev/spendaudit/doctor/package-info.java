/**
 * {@code doctor}: checks a spend-audit set-up before the night does, one line per check (OK, WARN, FAIL, each
 * WARN and FAIL with its fix): the settings in force and where each came from, the LiteLLM source, the store,
 * mail, files and permissions, and the gateway's live process against its config file. Checks are plain classes
 * that never throw: a database that is down is one FAIL among the others.
 */
package dev.spendaudit.doctor;
