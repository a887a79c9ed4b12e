package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.findings.Acknowledgement;
import dev.spendaudit.findings.Acknowledgements;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ack FINDING}: a finding someone has seen stays in the JSON and the digest, marked, but no longer raises
 * the day's status (nor exit code 10) until it ends (RESOLVED) or {@code --until} passes. Kept in the store;
 * {@code --list} shows them, {@code --remove} takes one back.
 */
@Command(name = "ack", mixinStandardHelpOptions = true,
		description = { "Acknowledge a finding by its id (as 'status --findings' and the day's JSON show it): it",
				"stays in the JSON and the digest, marked with the note, but no longer raises the day's",
				"status or exit code 10 until it ends (RESOLVED) or --until passes. Applies from the next",
				"audited night; rerun a day ('run --date D') to apply it there." })
class AckCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", paramLabel = "FINDING", description = "the finding's id")
	String finding;

	@Option(names = "--until", paramLabel = "YYYY-MM-DD", converter = DateOptions.IsoDate.class,
			description = "the last day the acknowledgement holds (default: until the finding ends)")
	LocalDate until;

	@Option(names = "--note", paramLabel = "TEXT", description = "why, shown beside the finding")
	String note;

	@Option(names = "--list", description = "list the acknowledged findings")
	boolean list;

	@Option(names = "--remove", paramLabel = "FINDING", description = "take a finding's acknowledgement back")
	String remove;

	@Mixin
	ConfigOption config;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		checkOptions();
		try (ConfigurableApplicationContext context = StoreCommands.start(config.checked(), "ack")) {
			Acknowledgements acks = context.getBean(Acknowledgements.class);
			FindingStore findings = context.getBean(FindingStore.class);
			ZoneId zone = context.getBean(CoreSettings.class).zone();
			Clock clock = context.getBean(Clock.class);
			PrintWriter out = spec.commandLine().getOut();
			if (list) {
				AckList.print(acks.all(), findings, LocalDate.now(clock.withZone(zone)), zone, out);
			}
			else if (remove != null) {
				if (!acks.remove(remove.strip())) {
					throw usage("finding '" + remove.strip() + "' is not acknowledged (see 'spend-audit ack --list')");
				}
				out.println("acknowledgement of " + remove.strip() + " removed: it raises the day's status again from"
						+ " the next audited night");
			}
			else {
				acknowledge(acks, findings, LocalDate.now(clock.withZone(zone)),
						LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), out);
			}
			out.flush();
			return 0;
		}
	}

	private void acknowledge(Acknowledgements acks, FindingStore findings, LocalDate today, LocalDateTime nowUtc,
			PrintWriter out) {
		String id = finding.strip();
		FindingStore.Dated latest = findings.latest(id)
			.orElseThrow(() -> usage("no finding with id '" + id + "' in the store (see 'spend-audit status"
					+ " --findings')"));
		Finding f = latest.finding();
		if (f.resolved()) {
			throw usage("finding '" + id + "' has ended (RESOLVED on " + latest.date() + "): nothing to acknowledge");
		}
		if (until != null && until.isBefore(today)) {
			throw usage("--until " + until + " has already passed (today is " + today + ")");
		}
		Acknowledgement ack = acks.acknowledge(id, until, note, nowUtc);
		out.println("acknowledged " + id + ": [" + f.severity() + "] " + f.kind() + " · " + f.subject()
				+ " (last seen " + latest.date() + ")" + " · " + ack.mark());
		out.println("It stays in the JSON and the digest, marked, and no longer raises the day's status "
				+ (until == null ? "until it ends" : "until it ends or after " + until) + ".");
	}

	private void checkOptions() {
		int modes = (finding != null ? 1 : 0) + (list ? 1 : 0) + (remove != null ? 1 : 0);
		if (modes != 1) {
			throw usage(modes == 0 ? "a FINDING id, --list or --remove FINDING is required"
					: "give one of FINDING, --list and --remove FINDING");
		}
		if (finding == null && (until != null || note != null)) {
			throw usage("--until and --note go with a FINDING to acknowledge");
		}
		if (finding != null && finding.isBlank() || remove != null && remove.isBlank()) {
			throw usage("a finding id must not be blank");
		}
	}

	private CommandLine.ParameterException usage(String message) {
		return new CommandLine.ParameterException(spec.commandLine(), message);
	}

	/** {@code ack --list}: one line per acknowledged finding, with what it is about and whether it still holds. */
	static final class AckList {

		private AckList() {
		}

		static void print(List<Acknowledgements.Acknowledged> all, FindingStore findings, LocalDate today, ZoneId zone,
				PrintWriter out) {
			if (all.isEmpty()) {
				out.println("No acknowledged findings.");
				return;
			}
			String line = "%-14s %-9s %-6s %-20s %-28s %-10s %-10s %-16s %s%n";
			out.printf(line, "ID", "HOLDS", "SEV", "KIND", "SUBJECT", "LAST SEEN", "UNTIL",
					"AT (" + Quantities.zoneName(zone) + ")", "NOTE");
			for (Acknowledgements.Acknowledged a : all) {
				var latest = findings.latest(a.findingId());
				Acknowledgement ack = a.acknowledgement();
				// GONE: no stored day has the finding any more (its days were rerun without it)
				String holds = latest.isEmpty() ? "GONE" : latest.get().finding().resolved() ? "ENDED"
						: ack.holdsOn(today) ? "YES" : "EXPIRED";
				out.printf(line, a.findingId(), holds,
						latest.map(d -> d.finding().severity().name()).orElse("-"),
						latest.map(d -> d.finding().kind()).orElse("-"),
						latest.map(d -> d.finding().subject()).orElse("-"),
						latest.map(d -> d.date().toString()).orElse("-"), ack.until() == null ? "-" : ack.until(),
						Quantities.time(UtcTimes.parse(ack.at()), zone), ack.note() == null ? "" : ack.note());
			}
		}

	}

}
