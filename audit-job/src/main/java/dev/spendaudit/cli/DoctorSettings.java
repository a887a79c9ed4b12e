package dev.spendaudit.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.spendaudit.SpendAuditSettings;
import dev.spendaudit.baseline.DetectionSettings;
import dev.spendaudit.delivery.MailSettings;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.staleness.FreshnessSettings;
import dev.spendaudit.store.StoreSettings;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The settings records {@code doctor} needs, bound from its environment the way the application context binds
 * them for a run, so that a setting the run would refuse is refused here with the same one line. When the whole
 * fails, each part is bound on its own (falling back to its defaults) so the other checks still run.
 * <p>
 * This is the one place that knows the settings' records and prefixes.
 */
final class DoctorSettings {

	private final Binder binder;

	private final SpendAuditSettings root;

	private final String error;

	DoctorSettings(ConfigurableEnvironment environment) {
		this.binder = Binder.get(environment);
		SpendAuditSettings bound = null;
		String failure = null;
		try {
			BindHandler strict = new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler());
			bound = binder.bind("spend-audit", Bindable.of(SpendAuditSettings.class), strict)
				.orElseGet(() -> binder.bindOrCreate("spend-audit", SpendAuditSettings.class));
		}
		catch (RuntimeException ex) {
			failure = CliErrors.describe(ex);
		}
		this.root = bound;
		this.error = failure;
	}

	/** Why the settings would stop a run, in the run's own words; null when they bind. */
	String error() {
		return error;
	}

	/** Each bound record by its prefix, for the list of settings in force. */
	Map<String, Object> byPrefix() {
		Map<String, Object> bound = new LinkedHashMap<>();
		if (root != null) {
			bound.put("spend-audit", root);
			return bound;
		}
		// the whole did not bind: list what does, part by part
		bound.put("spend-audit.zone", zone());
		bound.put("spend-audit.out", out());
		bound.put("spend-audit.source", source());
		bound.put("spend-audit.store", store());
		bound.put("spend-audit.mail", mail());
		bound.put("spend-audit.freshness", freshness());
		return bound;
	}

	ZoneId zone() {
		return root != null ? root.zone() : part(() -> binder.bind("spend-audit.zone", ZoneId.class).orElse(null),
				ZoneId.of("UTC"));
	}

	Path out() {
		return root != null ? root.out() : part(() -> binder.bind("spend-audit.out", Path.class).orElse(null),
				Path.of("./out"));
	}

	SourceSettings source() {
		return root != null ? root.source() : part(() -> binder.bindOrCreate("spend-audit.source",
				SourceSettings.class), new SourceSettings(null, null, null, null));
	}

	StoreSettings store() {
		return root != null ? root.store() : part(() -> binder.bindOrCreate("spend-audit.store", StoreSettings.class),
				new StoreSettings(null, null, null, null));
	}

	/** The recipients; null when they do not bind (the config line says why). */
	MailSettings mail() {
		return root != null ? root.mail() : part(() -> binder.bindOrCreate("spend-audit.mail", MailSettings.class),
				null);
	}

	FreshnessSettings freshness() {
		return root != null ? root.freshness() : part(() -> binder.bindOrCreate("spend-audit.freshness",
				FreshnessSettings.class), new Binder(List.of()).bindOrCreate("defaults", FreshnessSettings.class));
	}

	/** How many days the first night reads back: the detection window plus the drift days. */
	int historyDays() {
		DetectionSettings detection = root != null ? root.detection()
				: part(() -> binder.bindOrCreate("spend-audit.detection", DetectionSettings.class), null);
		return detection == null ? 35 : detection.windowDays() + detection.drift().days();
	}

	/** {@code spend-audit.health.textfile-dir}, read raw: the setting belongs to the job's health feature. */
	Path textfileDir() {
		return part(() -> binder.bind("spend-audit.health.textfile-dir", Path.class).orElse(null), null);
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
