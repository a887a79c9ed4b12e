package dev.spendaudit.cli;

import java.io.PrintWriter;

import dev.spendaudit.core.ExitCode;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spend-audit} command line. Parsing and option checks happen here, before Spring or any database
 * starts, so bad input stops before any work.
 */
@Command(name = "spend-audit", mixinStandardHelpOptions = true, version = "spend-audit 0.1.0",
		description = "Nightly LLM-spend audit over a LiteLLM proxy's Postgres spend log.",
		subcommands = { RunCommand.class, ResendCommand.class, DemoCommand.class, ScheduleCommand.class,
				KeysCommand.class, FingerprintCommand.class, DoctorCommand.class, StatusCommand.class, AckCommand.class,
				PruneCommand.class, ReconcileCommand.class, StatementCommand.class, ArchiveCommand.class,
				CommandLine.HelpCommand.class })
public class SpendAuditCommand implements Runnable {

	/** Exit code of a run that failed for a reason no other code names (the table: {@link ExitCode}). */
	public static final int FAILED = ExitCode.FAILED.code();

	/** Exit code of a command line that was wrong: nothing was done. */
	public static final int USAGE = ExitCode.USAGE.code();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(),
				"a command is required (run, resend, demo, schedule, keys, fingerprint, doctor, status, ack,"
						+ " prune)");
	}

	/** Runs the command line; the commands boot {@code application} (the {@code @SpringBootApplication}). */
	public static int execute(Class<?> application, String... args) {
		return commandLine(application).execute(args);
	}

	static CommandLine commandLine(Class<?> application) {
		return commandLine(application, CommandLine.defaultFactory());
	}

	/**
	 * The command line with its subcommands made by {@code factory} (tests give {@code fingerprint} its input);
	 * the commands that work boot {@code application}.
	 */
	static CommandLine commandLine(Class<?> application, CommandLine.IFactory factory) {
		AuditContext.boot(application);
		CommandLine cli = new CommandLine(new SpendAuditCommand(), factory);
		documentExitCodes(cli);
		cli.setExitCodeExceptionMapper(ex -> CliErrors.exitCode(ex).code());
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			PrintWriter err = commandLine.getErr();
			err.println("spend-audit: error: " + CliErrors.describe(ex));
			err.flush();
			return CliErrors.exitCode(ex).code();
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

	/** Every command's {@code --help} ends with the exit-code table, from the one in {@link ExitCode}. */
	private static void documentExitCodes(CommandLine command) {
		command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.table());
		command.getSubcommands().values().forEach(SpendAuditCommand::documentExitCodes);
	}

}
