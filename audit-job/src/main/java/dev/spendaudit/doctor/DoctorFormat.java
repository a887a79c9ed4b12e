package dev.spendaudit.doctor;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import dev.spendaudit.core.Quantities;

/**
 * How the doctor's lines print sizes, counts, ages and UTC times: counts, ages and times as
 * {@link Quantities} prints them everywhere else; sizes and settings' durations are the doctor's own.
 */
final class DoctorFormat {

	private DoctorFormat() {
	}

	/** {@code 1,234,567}. */
	static String count(long n) {
		return Quantities.count(n);
	}

	/** {@code 812 kB}, {@code 1.2 GB}. */
	static String bytes(long bytes) {
		String[] units = { "B", "kB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return unit == 0 || value >= 10 ? String.format(Locale.ROOT, "%.0f %s", value, units[unit])
				: String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

	/** {@code 12 min}, {@code 34 h}, {@code 3 d}: an age as every other duration is printed, never negative. */
	static String age(Duration age) {
		return Quantities.duration(age.isNegative() ? Duration.ZERO : age);
	}

	/** {@code 26h}, {@code 90m}: a setting's duration as one would write it. */
	static String duration(Duration d) {
		long millis = d.toMillis();
		long[] sizes = { 86_400_000L, 3_600_000L, 60_000L, 1000L };
		String[] units = { "d", "h", "m", "s" };
		for (int i = 0; i < sizes.length; i++) {
			if (millis != 0 && millis % sizes[i] == 0) {
				return millis / sizes[i] + units[i];
			}
		}
		return millis + "ms";
	}

	/** {@code 2026-11-30 16:10 UTC}. */
	static String utc(LocalDateTime utc) {
		return utc == null ? "(none)" : Quantities.zonedTime(utc, ZoneOffset.UTC);
	}

	/** The first {@code max} items and how many more. */
	static String some(List<String> items, int max) {
		String shown = String.join(", ", items.subList(0, Math.min(max, items.size())));
		return items.size() > max ? shown + " and " + (items.size() - max) + " more" : shown;
	}

}
