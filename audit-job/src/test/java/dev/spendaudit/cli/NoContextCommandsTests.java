package dev.spendaudit.cli;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --help} on every command and {@code fingerprint} answer without an application context (they must be
 * quick: no Spring, no database). A hook sees every {@link SpringApplication} that starts on this thread; the
 * last test shows it does see one.
 */
class NoContextCommandsTests {

	@Test
	void helpOnEveryCommandStartsNoContext() {
		List<List<String>> commands = List.of(List.of("--help"), List.of("help"), List.of("help", "run"),
				List.of("--version"));
		List<List<String>> all = new ArrayList<>(commands);
		for (String command : List.of("run", "resend", "demo", "schedule", "keys", "fingerprint", "doctor")) {
			all.add(List.of(command, "--help"));
		}
		for (List<String> args : all) {
			Started started = new Started();
			CliIntegrationTests.Result r = SpringApplication.withHook(started,
					() -> CliIntegrationTests.cli(args.toArray(String[]::new)));
			assertThat(r.exit()).as("%s: %s", args, r.err()).isZero();
			assertThat(r.out()).as("%s", args).contains("spend-audit");
			assertThat(started.applications).as("applications started by %s", args).isEmpty();
		}
	}

	@Test
	void fingerprintStartsNoContext() {
		Started started = new Started();
		CliIntegrationTests.Result r = SpringApplication.withHook(started,
				() -> KeysAndFingerprintIntegrationTests.fingerprint("sk-1234\n"));
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.out()).contains("88dc28d0f030");
		assertThat(started.applications).isEmpty();
	}

	@Test
	void theHookSeesTheContextThatRunStarts() {
		// the hook stops the application as it starts, so no database is needed to see that run starts one
		Started started = new Started();
		started.stop = true;
		CliIntegrationTests.Result r = SpringApplication.withHook(started,
				() -> CliIntegrationTests.cli("run", "--date", "2026-11-26", "--no-send"));
		assertThat(started.applications).hasSize(1);
		assertThat(r.exit()).isEqualTo(SpendAuditCommand.FAILED);
		assertThat(r.err()).contains("stopped by the test");
	}

	/** Records every application that starts; with {@code stop}, stops it before anything is created. */
	static final class Started implements SpringApplicationHook {

		final List<SpringApplication> applications = new ArrayList<>();

		boolean stop;

		@Override
		public SpringApplicationRunListener getRunListener(SpringApplication application) {
			applications.add(application);
			return new SpringApplicationRunListener() {

				@Override
				public void starting(ConfigurableBootstrapContext bootstrapContext) {
					if (stop) {
						throw new IllegalStateException("stopped by the test");
					}
				}

			};
		}

	}

}
