package dev.spendaudit.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.SpendAuditApplication;
import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.schedule.AuditLauncher;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.RunOptions;
import org.jooq.DSLContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The whole application, booted against a test database with a fixed clock and extra settings: what the CLI
 * does, minus the command line.
 */
public final class AuditApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private AuditApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static AuditApp start(Endpoint source, Clock clock, Map<String, String> settings) {
		return start(source, clock, settings, Map.of());
	}

	/**
	 * The same, with extra beans registered before the context starts (e.g. a test's own {@code DigestSection}).
	 */
	public static AuditApp start(Endpoint source, Clock clock, Map<String, String> settings, Map<String, Object> beans) {
		return start(source, clock, settings, beans, Map.of());
	}

	/**
	 * The same, with variables as if from the process's environment (the only place the providers' admin keys may
	 * come from).
	 */
	public static AuditApp start(Endpoint source, Clock clock, Map<String, String> settings, Map<String, Object> beans,
			Map<String, Object> environment) {
		List<String> args = new ArrayList<>();
		if (source != null) {
			args.add("--spend-audit.source.url=" + source.url());
			args.add("--spend-audit.source.username=" + source.username());
			args.add("--spend-audit.source.password=" + source.password());
		}
		settings.forEach((k, v) -> args.add("--" + k + "=" + v));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SpendAuditApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.initializers(ctx -> {
				if (!environment.isEmpty()) {
					ctx.getEnvironment()
						.getPropertySources()
						.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment));
				}
				ctx.getBeanFactory().registerSingleton("clock", clock);
				beans.forEach(ctx.getBeanFactory()::registerSingleton);
			})
			.run(args.toArray(String[]::new));
		return new AuditApp(context);
	}

	/** The whole application on the gateways of {@code spend-audit.sources[i]} in {@code settings}, no source. */
	public static AuditApp startGateways(Clock clock, Map<String, String> settings) {
		return start(null, clock, settings, Map.of(), Map.of());
	}

	/** The settings of gateway {@code i} of {@code spend-audit.sources}: its name and database. */
	public static Map<String, String> gateway(int i, String name, Endpoint endpoint) {
		String at = "spend-audit.sources[" + i + "].";
		return Map.of(at + "name", name, at + "url", endpoint.url(), at + "username", endpoint.username(),
				at + "password", endpoint.password());
	}

	public DayResult run(LocalDate date, Path out) {
		return run(date, new RunOptions(out, false, false, null));
	}

	public DayResult run(LocalDate date, RunOptions options) {
		return context.getBean(AuditLauncher.class).run(date, options);
	}

	/** The job's own store (schema spend_audit by default). */
	public DSLContext store() {
		return context.getBean(DSLContext.class);
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	@Override
	public void close() {
		context.close();
	}

}
