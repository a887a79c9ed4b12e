/**
 * The settings as a whole: every name the features' settings records declare under {@code spend-audit}, the
 * start-up check that refuses any other name, and each setting in force with where it came from.
 */
package dev.spendaudit.settings;
