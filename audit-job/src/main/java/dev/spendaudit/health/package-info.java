/**
 * The job's own health, for whoever watches the watcher: a healthchecks.io-style heartbeat around every run and a
 * Prometheus textfile ({@code spend-audit.prom}) for node_exporter after it. The Prometheus Java client and the
 * JDK's HTTP client live only here. Neither signal ever fails a run.
 */
package dev.spendaudit.health;
