/**
 * Retiring keys: who still calls them, and when they are quiet enough to revoke; plus the key list behind the
 * {@code keys} command.
 */
package dev.spendaudit.keywatch;
