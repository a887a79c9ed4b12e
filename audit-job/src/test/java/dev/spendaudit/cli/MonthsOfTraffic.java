package dev.spendaudit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;

/**
 * October to early December 2026 of three workloads: {@code vk-alpha} at $1.00 a day on gpt-4.1-mini,
 * {@code vk-beta} on claude-sonnet-4 at $1.50 a day in October and $2.00 a day from November (the month's mover),
 * {@code vk-coder} on glm-4.6 at $0 (a $30 monthly plan carries it). 20 November has $2.50 more on vk-alpha (a
 * WATCH), 24 November $60 more (an ALERT); every other day is quiet.
 */
final class MonthsOfTraffic {

	static final LocalDate FIRST = LocalDate.of(2026, 10, 1);

	static final LocalDate LAST = LocalDate.of(2026, 12, 8);

	static final LocalDate WATCH_DAY = LocalDate.of(2026, 11, 20);

	static final LocalDate ALERT_DAY = LocalDate.of(2026, 11, 24);

	private MonthsOfTraffic() {
	}

	static LiteLlmDatabase create(String purpose) {
		LiteLlmDatabase db = LiteLlmDatabase.create(purpose);
		String alpha = KeyHash.of("sk-alpha");
		String beta = KeyHash.of("sk-beta");
		String coder = KeyHash.of("sk-coder");
		db.writer().key(alpha, "vk-alpha", "sk-...lpha");
		db.writer().key(beta, "vk-beta", "sk-...beta");
		db.writer().key(coder, "vk-coder", "sk-...oder");
		List<Call> calls = new ArrayList<>();
		for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
			calls.add(Call.of("a-" + d, alpha, "vk-alpha", "gpt-4.1-mini", "openai", d.atTime(9, 0), 1.0, 1000, 100));
			calls.add(Call.of("b-" + d, beta, "vk-beta", "claude-sonnet-4", "anthropic", d.atTime(10, 0),
					d.getMonthValue() == 10 ? 1.5 : 2.0, 2000, 200));
			calls.add(Call.of("c-" + d, coder, "vk-coder", "glm-4.6", "zai", d.atTime(11, 0), 0, 45_000, 5000));
		}
		calls.add(Call.of("watch", alpha, "vk-alpha", "gpt-4.1-mini", "openai", WATCH_DAY.atTime(12, 0), 2.5, 1000,
				100));
		calls.add(Call.of("alert", alpha, "vk-alpha", "gpt-4.1-mini", "openai", ALERT_DAY.atTime(12, 0), 60, 1000,
				100));
		db.writer().spendLogs(calls);
		return db;
	}

	/** Settings for the source, its own store schema, the plan, mail through {@code smtpPort}, and {@code more}. */
	static Path config(Path dir, LiteLlmDatabase db, String storeSchema, int smtpPort, String more) {
		Endpoint e = db.endpoint();
		try {
			return Files.writeString(dir.resolve(storeSchema + "-" + System.nanoTime() + ".yml"), """
					spend-audit:
					  source:
					    url: "%s"
					    username: "%s"
					    password: "%s"
					  store:
					    schema: %s
					  subscriptions:
					    - name: GLM Coding
					      fee-usd: 30
					      period: monthly
					      models: [ "glm-*" ]
					%s  mail:
					    to: ops@example.org
					    from: spend-audit@example.org
					    retry-delay: 1ms
					spring:
					  mail:
					    host: 127.0.0.1
					    port: %d
					""".formatted(e.url(), e.username(), e.password(), storeSchema, more.indent(2), smtpPort));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
