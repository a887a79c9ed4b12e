package dev.spendaudit.reconcile.bill;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The values of a bill's JSON, each checked where it stands: errors name the file and the value's line. */
record JsonFields(Path file) {

	BigDecimal money(Json value, String field) {
		return Values.money(file, value.line(), field, scalar(value, field, "a number"));
	}

	/** A count, or {@code null} when the value is null or absent. */
	Long optionalCount(Json value, String field) {
		return value.isAbsent() ? null : Values.count(file, value.line(), field, scalar(value, field, "a number"));
	}

	long count(Json value, String field) {
		Long count = optionalCount(value, field);
		return count == null ? 0 : count;
	}

	/** A string, or {@code ""} when the value is null or absent. */
	String optionalText(Json value, String field) {
		return value.isAbsent() ? "" : scalar(value, field, "a string");
	}

	String requiredText(Json value, String field) {
		if (value.isAbsent() || value.text().isBlank()) {
			throw Values.missing(file, value.line(), field);
		}
		return scalar(value, field, "a string");
	}

	/** Unix seconds. */
	Instant epochSeconds(Json value, String field) {
		return Instant.ofEpochSecond(Values.count(file, value.line(), field, scalar(value, field, "a number")));
	}

	Instant instant(Json value, String field) {
		return Values.instant(file, value.line(), field, scalar(value, field, "a date and time"));
	}

	/** The array's elements; an absent or null array is empty. */
	List<Json> array(Json value, String field) {
		if (value.isAbsent()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new BillFormatException(file, value.line(), field + " is " + value.shown() + ", not an array");
		}
		return value.elements();
	}

	Json object(Json value, String field) {
		if (!value.isObject()) {
			throw new BillFormatException(file, value.line(), field + " is " + value.shown() + ", not an object");
		}
		return value;
	}

	BillFormatException fail(Json at, String problem) {
		return new BillFormatException(file, at.line(), problem);
	}

	private String scalar(Json value, String field, String expected) {
		if (value.isAbsent()) {
			throw Values.missing(file, value.line(), field);
		}
		if (value.isObject() || value.isArray()) {
			throw new BillFormatException(file, value.line(), field + " is " + value.shown() + ", not " + expected);
		}
		return value.text();
	}

}
