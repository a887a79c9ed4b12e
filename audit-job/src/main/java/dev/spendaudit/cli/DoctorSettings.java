package dev.spendaudit.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import dev.spendaudit.baseline.DetectionSettings;
import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.delivery.MailSettings;
import dev.spendaudit.health.HealthSettings;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.staleness.FreshnessSettings;
import dev.spendaudit.store.StoreSettings;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The settings records {@code doctor}'s checks read, each bound at its own prefix as the application context
 * binds it. A record that does not bind (the config line already says why) falls back to its defaults, so the
 * other checks still run. This is the one place that knows which records and prefixes the checks need.
 */
final class DoctorSettings {

	private final Binder binder;

	DoctorSettings(ConfigurableEnvironment environment) {
		this.binder = Binder.get(environment);
	}

	ZoneId zone() {
		return core().zone();
	}

	Path out() {
		return core().out();
	}

	SourceSettings source() {
		return bind("spend-audit.source", SourceSettings.class);
	}

	StoreSettings store() {
		return bind("spend-audit.store", StoreSettings.class);
	}

	/** The recipients; null when they do not bind (the config line says why). */
	MailSettings mail() {
		return part(() -> binder.bindOrCreate("spend-audit.mail", valueObject(MailSettings.class)), null);
	}

	FreshnessSettings freshness() {
		return bind("spend-audit.freshness", FreshnessSettings.class);
	}

	/** How many days the first night reads back: the detection window plus the drift days. */
	int historyDays() {
		DetectionSettings detection = bind("spend-audit.detection", DetectionSettings.class);
		return detection.windowDays() + detection.drift().days();
	}

	/** {@code spend-audit.health.textfile-dir}: node_exporter's folder, null when unset. */
	Path textfileDir() {
		return bind("spend-audit.health", HealthSettings.class).textfileDir();
	}

	private CoreSettings core() {
		return bind("spend-audit", CoreSettings.class);
	}

	/** {@code type} bound at {@code prefix}, or with its defaults only when that fails. */
	private <T> T bind(String prefix, Class<T> type) {
		return part(() -> binder.bindOrCreate(prefix, valueObject(type)),
				new Binder(List.of()).bindOrCreate(prefix, valueObject(type)));
	}

	private static <T> Bindable<T> valueObject(Class<T> type) {
		return Bindable.of(type).withBindMethod(BindMethod.VALUE_OBJECT);
	}

	private static <T> T part(Supplier<T> bind, T fallback) {
		try {
			T value = bind.get();
			return value == null ? fallback : value;
		}
		catch (RuntimeException ex) {
			return fallback;
		}
	}

}
