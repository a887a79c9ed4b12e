package dev.spendaudit.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import dev.spendaudit.source.KeyHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fingerprint}: reads raw keys from standard input, one per line, and prints each one's LiteLLM token hash
 * and short fingerprint, so a key found in some {@code .env} file can be matched to the spend log and to
 * {@code keys} without storing it anywhere. The key is never taken as an argument (shell history), never echoed,
 * never written, and nothing else is started: no Spring, no database.
 */
@Command(name = "fingerprint", mixinStandardHelpOptions = true,
		description = { "Read raw keys from standard input, one per line (a typed key is not echoed),",
				"and print each one's LiteLLM token hash and short fingerprint: never the key.",
				"Example: cut -d= -f2 app.env | spend-audit fingerprint" })
class FingerprintCommand implements Callable<Integer> {

	/** Where the keys come from: standard input, unless a test provides its own. */
	private final InputStream input;

	private final Console console;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/** Only here to refuse a key given as an argument without printing it back. */
	@CommandLine.Parameters(hidden = true, arity = "0..*")
	List<String> arguments = List.of();

	FingerprintCommand() {
		this(System.in, System.console());
	}

	FingerprintCommand(InputStream input, Console console) {
		this.input = input;
		this.console = console;
	}

	@Override
	public Integer call() {
		if (!arguments.isEmpty()) {
			throw new CommandLine.ParameterException(spec.commandLine(), "keys are read from standard input only, never"
					+ " from arguments (the argument was not used and is not shown; it may be in your shell history)");
		}
		List<String> keys = console != null ? typed() : piped();
		if (keys.isEmpty()) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"no key on standard input: pipe it in, e.g. 'pass show litellm/vk-hermes | spend-audit fingerprint'");
		}
		PrintWriter out = spec.commandLine().getOut();
		out.printf("%-12s  %-64s  %s%n", "FINGERPRINT", "TOKEN HASH (sha256, as in LiteLLM's tables)", "KEY NAME");
		for (String key : keys) {
			String hash = KeyHash.of(key);
			out.printf("%-12s  %-64s  %s%n", KeyHash.fingerprint(hash), hash,
					key.startsWith("sk-") ? KeyHash.keyName(key) : "");
		}
		out.flush();
		return 0;
	}

	/** A terminal on both ends: ask, and read without echo. */
	private List<String> typed() {
		char[] chars = console.readPassword("Paste the key (it is not shown): ");
		if (chars == null) {
			return List.of();
		}
		String key = new String(chars).strip();
		Arrays.fill(chars, ' ');
		return key.isEmpty() ? List.of() : List.of(key);
	}

	/** Keys piped in, one per line; blank lines and surrounding spaces are ignored. */
	private List<String> piped() {
		if (stdinIsTerminal()) {
			// typing here would echo the key on screen: refuse rather than show it
			throw new CommandLine.ParameterException(spec.commandLine(),
					"standard input is a terminal but output is not: pipe the key in instead of typing it");
		}
		List<String> keys = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String key = line.strip();
				if (!key.isEmpty()) {
					keys.add(key);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read standard input: " + ex.getMessage(), ex);
		}
		return keys;
	}

	/** Whether this process's standard input is a terminal (Linux; elsewhere assumed not). */
	private boolean stdinIsTerminal() {
		if (input != System.in) {
			return false;
		}
		try {
			String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
			return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			return false;
		}
	}

}
