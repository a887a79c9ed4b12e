package dev.spendaudit.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spend-audit} command line. Parsing and option checks happen here, before Spring or any database
 * starts, so bad input stops before any work.
 */
@Command(name = "spend-audit", mixinStandardHelpOptions = true, version = "spend-audit 0.1.0",
		description = "Nightly LLM-spend audit over a LiteLLM proxy's Postgres spend log.",
		subcommands = { RunCommand.class, ResendCommand.class, DemoCommand.class, ScheduleCommand.class,
				KeysCommand.class, FingerprintCommand.class, CommandLine.HelpCommand.class })
public class SpendAuditCommand implements Runnable {

	/** Exit code of a run that failed at run time (a day failed, a database was unreachable, ...). */
	public static final int FAILED = 1;

	/** Exit code of a command line that was wrong: nothing was done. */
	public static final int USAGE = 2;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/** The Spring Boot application each command boots for its work, handed in by the composition root. */
	private final Class<?> application;

	SpendAuditCommand(Class<?> application) {
		this.application = application;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(),
				"a command is required (run, resend, demo, schedule)");
	}

	/** Runs the command line; the commands boot {@code application} (the {@code @SpringBootApplication}). */
	public static int execute(Class<?> application, String... args) {
		return commandLine(application).execute(args);
	}

	static CommandLine commandLine(Class<?> application) {
		return commandLine(application, CommandLine.defaultFactory());
	}

	/** The command line with its subcommands made by {@code factory} (tests give {@code fingerprint} its input). */
	static CommandLine commandLine(Class<?> application, CommandLine.IFactory factory) {
		CommandLine cli = new CommandLine(new SpendAuditCommand(application), factory);
		cli.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? USAGE : FAILED);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			PrintWriter err = commandLine.getErr();
			err.println("spend-audit: error: " + CliErrors.describe(ex));
			err.flush();
			return FAILED;
		});
		cli.setParameterExceptionHandler((ex, args) -> {
			PrintWriter err = ex.getCommandLine().getErr();
			err.println("spend-audit: " + ex.getMessage());
			err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
			err.flush();
			return USAGE;
		});
		return cli;
	}

	/** The application the command line of {@code spec} boots. */
	static Class<?> application(CommandLine.Model.CommandSpec spec) {
		return ((SpendAuditCommand) spec.root().userObject()).application;
	}

}
