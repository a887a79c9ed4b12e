package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import dev.spendaudit.doctor.DatabaseLogin;
import dev.spendaudit.doctor.DoctorInputs;
import dev.spendaudit.doctor.EffectiveSettings;
import dev.spendaudit.doctor.EnvFile;
import dev.spendaudit.doctor.GatewayChecks;
import dev.spendaudit.doctor.GatewayConfig;
import dev.spendaudit.doctor.GatewayEnvironment;
import dev.spendaudit.doctor.Secrets;
import dev.spendaudit.doctor.SystemdUnit;
import dev.spendaudit.doctor.UnreadableInputException;
import dev.spendaudit.delivery.SmtpProbe;
import dev.spendaudit.settings.SettingsInForce;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.staleness.FreshnessSettings;
import dev.spendaudit.store.StoreSettings;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns the command line into what {@code doctor} checks: the settings as a run would see them (and, when they do
 * not even load, the same without the {@code --config} file, so every other check still runs), the databases they
 * name, the gateway's environment and config file.
 */
final class DoctorSetup {

	private final Secrets secrets;

	private final Clock clock;

	private final Path procRoot;

	DoctorSetup(Secrets secrets, Clock clock, Path procRoot) {
		this.secrets = secrets;
		this.clock = clock;
		this.procRoot = procRoot;
	}

	DoctorInputs inputs(Path configFile, Path envFile, String envNamedBy, DoctorDemo demo, SystemdUnit unit,
			Long gatewayPid, Path gatewayEnvFile, Path gatewayConfigFile, boolean sendTest) {
		EnvFile env = DoctorCommand.envFileOrNull(envFile);
		List<String> profiles = demo.active() ? List.of("demo") : List.of();
		DoctorEnvironment.Loaded loaded = DoctorEnvironment.load(configFile, env, demo.overrides(), profiles);
		ConfigurableEnvironment environment = loaded.environment();
		DoctorSettings settings = new DoctorSettings(environment);
		SourceSettings source = settings.source();
		DatabaseLogin sourceLogin = source.url() == null ? null
				: new DatabaseLogin(source.url(), source.username(), source.password());
		StoreSettings store = settings.store();
		DatabaseLogin storeLogin = sourceLogin == null ? null
				: new DatabaseLogin(store.url() != null && !store.url().isBlank() ? store.url() : sourceLogin.url(),
						store.username() != null ? store.username() : sourceLogin.username(),
						store.password() != null ? store.password() : sourceLogin.password());
		FreshnessSettings freshness = settings.freshness();
		List<SettingsInForce.Setting> inForce = loaded.settings() == null ? List.of() : loaded.settings().inForce();
		return new DoctorInputs(EffectiveSettings.of(inForce, environment, env, secrets), loaded.error(),
				sourceLogin, demo.active(), storeLogin, store.schema(), settings.zone(), settings.out(),
				settings.textfileDir(), freshness.warnAge(), freshness.errorAge(), settings.historyDays(),
				settings.mail(), SmtpProbe.of(environment), sendTest, unit, envFile, envNamedBy,
				gateway(gatewayPid, gatewayEnvFile, gatewayConfigFile), System.getProperty("user.name"), clock);
	}

	private GatewayChecks.Inputs gateway(Long pid, Path envFile, Path configFile) {
		GatewayEnvironment environment = null;
		String environmentError = null;
		try {
			if (pid != null) {
				environment = GatewayEnvironment.fromProcess(procRoot, pid);
			}
			else if (envFile != null) {
				environment = GatewayEnvironment.fromFile(envFile);
			}
		}
		catch (UnreadableInputException ex) {
			environmentError = ex.getMessage();
		}
		Path config = configFile;
		if (config == null && pid != null && environment != null && environment.configPath() != null) {
			// the file the process was started with, as the process sees it (inside its container, too)
			Path seen = procRoot.resolve(pid.toString()).resolve("root")
				.resolve(environment.configPath().replaceFirst("^/", ""));
			config = Files.isReadable(seen) ? seen : null;
		}
		GatewayConfig gatewayConfig = null;
		String configError = null;
		try {
			if (config != null) {
				gatewayConfig = GatewayConfig.read(config);
			}
		}
		catch (UnreadableInputException ex) {
			configError = ex.getMessage();
		}
		return new GatewayChecks.Inputs(environment, environmentError, gatewayConfig, configError);
	}

}
