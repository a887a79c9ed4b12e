/**
 * Progress of long runs on a terminal (a range rerun, a catch-up, a first night's history): whether to draw a
 * progress bar, print one line per day, or stay quiet, and the bar itself. The progress-bar library lives only here.
 */
package dev.spendaudit.progress;
