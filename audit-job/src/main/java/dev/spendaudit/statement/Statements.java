package dev.spendaudit.statement;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.delivery.StatementMail;
import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.digest.PageRenderer;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.reconcile.Reconciliation;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A period's statement from the store's history: built, written as {@code statement-PERIOD.json}, {@code .html},
 * {@code .txt} and {@code .eml}, and mailed once per period.
 */
public class Statements {

	static final String HTML = "statement.ftlh";

	static final String TEXT = "statement.txt.ftl";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private final HistoryReader history;

	private final FindingStore findings;

	private final StatementBuilder builder;

	private final PageRenderer renderer;

	private final StatementMail mail;

	private final Reconciliation reconciliation;

	private final String zone;

	private final Clock clock;

	Statements(HistoryReader history, FindingStore findings, StatementBuilder builder, PageRenderer renderer,
			StatementMail mail, Reconciliation reconciliation, String zone, Clock clock) {
		this.reconciliation = reconciliation;
		this.history = history;
		this.findings = findings;
		this.builder = builder;
		this.renderer = renderer;
		this.mail = mail;
		this.zone = zone;
		this.clock = clock;
	}

	/** The files written for a period, and its mail. */
	public record Written(Statement statement, List<Path> files, StatementMail.Rendered rendered) {
	}

	/** The period's statement, from the store alone. */
	public Statement build(Period period) {
		// providers bill UTC days: the period's dates, read as UTC days
		return builder.build(stored(period), stored(period.previous()), budgets(period),
				reconciliation.capture(period.from(), period.to()), zone,
				UtcTimes.iso(LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
	}

	/** Builds the statement and writes its four files into {@code dir}. */
	public Written write(Period period, Path dir) {
		Statement statement = build(period);
		String stem = period.fileStem();
		Map<String, Object> model = Map.of("s", statement, "from", statement.from().toString(), "to",
				statement.to().toString());
		String html = renderer.render(HTML, model);
		String text = renderer.render(TEXT, model);
		StatementMail.Rendered rendered = new StatementMail.Rendered(period.label(), period.from(), period.to(),
				subject(statement, period), html, text);
		List<Path> files = new ArrayList<>();
		files.add(DigestFiles.write(dir, stem + ".json", JSON.writeValueAsString(statement) + "\n"));
		files.add(DigestFiles.write(dir, stem + ".html", html));
		files.add(DigestFiles.write(dir, stem + ".txt", text));
		files.add(mail.write(dir, stem + ".eml", rendered));
		return new Written(statement, List.copyOf(files), rendered);
	}

	/** Mails the written statement unless its period already went out. */
	public StatementMail.Outcome mailOnce(Written written) {
		return mail.sendOnce(written.rendered(), written.files().get(3));
	}

	/** Whether the period's statement has been mailed. */
	public boolean mailed(Period period) {
		return mail.mailed(period.label());
	}

	/**
	 * {@code statement · November 2026 · $96.00 total ($66.00 metered)}, {@code weekly · 2026-W47 · ...}: the
	 * subject says why the mail was sent.
	 */
	static String subject(Statement s, Period period) {
		return (period.week() ? "weekly · " + period.label() : "statement · " + period.title()) + " · "
				+ Quantities.usd(s.totalUsd()) + " total (" + Quantities.usd(s.meteredUsd()) + " metered)"
				+ (s.note() == null ? "" : " · days missing");
	}

	private StatementBuilder.Stored stored(Period period) {
		return new StatementBuilder.Stored(period, history.rows(period.from(), period.to()),
				history.daysWithFacts(period.from(), period.to()));
	}

	/** The newest BUDGET finding of each subject in the period. */
	private List<Statement.Budget> budgets(Period period) {
		Map<String, Statement.Budget> newest = new LinkedHashMap<>();
		for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
			for (Finding f : findings.findings(d)) {
				if ("BUDGET".equals(f.kind()) && !f.resolved()) {
					newest.put(f.subject(), new Statement.Budget(f.subject(), d, f.severity().name(), f.actualUsd(),
							f.reason()));
				}
			}
		}
		return List.copyOf(newest.values());
	}

}
