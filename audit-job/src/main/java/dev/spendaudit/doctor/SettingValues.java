package dev.spendaudit.doctor;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * Bound settings records as flat {@code name → value} pairs, in the names a YAML file or an environment variable
 * would use ({@code spend-audit.freshness.warn-age}), and values printed the way one would write them.
 */
final class SettingValues {

	private SettingValues() {
	}

	/** Adds {@code value} under {@code name}: a record by its components, a list by index, a map by key. */
	static void flatten(String name, Object value, Map<String, Object> out) {
		if (value != null && value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				flatten(name + "." + DataObjectPropertyName.toDashedForm(component.getName()), read(component, value),
						out);
			}
		}
		else if (value instanceof Collection<?> list && !list.isEmpty()) {
			int i = 0;
			for (Object element : list) {
				flatten(name + "[" + i++ + "]", element, out);
			}
		}
		else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((key, element) -> flatten(name + "." + key, element, out));
		}
		else {
			out.put(name, value);
		}
	}

	/** {@code 26h}, {@code [a, b]}, {@code (none)}: what one would write in the YAML file. */
	static String format(Object value) {
		if (value == null) {
			return "(none)";
		}
		if (value instanceof Duration d) {
			return duration(d);
		}
		if (value instanceof Collection<?> list) {
			return list.isEmpty() ? "[]" : list.stream().map(SettingValues::format).toList().toString();
		}
		if (value instanceof Map<?, ?> map && map.isEmpty()) {
			return "{}";
		}
		return String.valueOf(value);
	}

	static String duration(Duration d) {
		long millis = d.toMillis();
		for (Object[] unit : List.of(new Object[] { 86_400_000L, "d" }, new Object[] { 3_600_000L, "h" },
				new Object[] { 60_000L, "m" }, new Object[] { 1000L, "s" })) {
			long size = (long) unit[0];
			if (millis != 0 && millis % size == 0) {
				return millis / size + (String) unit[1];
			}
		}
		return millis + "ms";
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read setting " + component.getName() + ": " + ex.getMessage(), ex);
		}
	}

}
