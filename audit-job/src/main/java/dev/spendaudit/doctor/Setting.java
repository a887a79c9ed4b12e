package dev.spendaudit.doctor;

/**
 * One setting in force.
 *
 * @param value as bound (secrets already masked); {@code (none)} when unset
 * @param origin where it came from: {@code default}, a file and line, an environment variable, the env file
 */
public record Setting(String name, String value, String origin) {
}
