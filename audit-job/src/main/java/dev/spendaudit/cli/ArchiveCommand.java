package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.spendaudit.archive.Archive;
import dev.spendaudit.archive.ArchiveFiles;
import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.digest.DigestFiles;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code archive [--out DIR]}: rebuilds the whole archive (index, months, workloads) from the store's history,
 * without reading the source.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
		description = { "Rebuild the archive from the store's history (no source scan): DIR/index.html, a page per",
				"month (DIR/archive/YYYY-MM.html) and per workload (DIR/archive/workload-NAME-HASH.html), static",
				"HTML linking each day to its digest-DATE.html. Every night brings it up to date by itself." })
class ArchiveCommand implements Callable<Integer> {

	@Option(names = "--out", paramLabel = "DIR", description = "output folder (default: spend-audit.out, ./out)")
	Path out;

	@Mixin
	ConfigOption config;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = StoreCommands.start(config.checked(), "archive")) {
			Path dir = out != null ? out : context.getBean(CoreSettings.class).out();
			DigestFiles.checkWritable(dir);
			Archive.Written written = context.getBean(Archive.class).rebuild(dir);
			PrintWriter writer = spec.commandLine().getOut();
			writer.println("archive  " + Quantities.count(written.files().size()) + " pages in "
					+ Quantities.count(written.millis()) + " ms: " + dir.resolve(ArchiveFiles.INDEX));
			writer.flush();
			return 0;
		}
	}

}
