package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.prune.Pruner;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prune}: what the nightly job does after a successful day, on demand. Spring Batch's records of old runs
 * and old output files go; the day facts and findings stay.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
		description = { "Remove Spring Batch's records of runs older than spend-audit.store.keep-job-metadata",
				"(default 400d) and the output folder's digest files older than spend-audit.out-retention",
				"(default: kept forever). The day facts and findings stay. The nightly job does this after",
				"every audited day; prints what was removed." })
class PruneCommand implements Callable<Integer> {

	@Option(names = "--out", paramLabel = "DIR",
			description = "the output folder to prune (default: spend-audit.out, ./out)")
	Path out;

	@Mixin
	ConfigOption config;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = StoreCommands.start(config.checked(), "prune")) {
			Path dir = out != null ? out : context.getBean(CoreSettings.class).out();
			PrintWriter writer = spec.commandLine().getOut();
			context.getBean(Pruner.class).prune(dir).lines().forEach(writer::println);
			writer.flush();
			return 0;
		}
	}

}
