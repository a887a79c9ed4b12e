package dev.spendaudit.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.spendaudit.reconcile.bill.BillCoverage;
import dev.spendaudit.reconcile.bill.BillFile;
import dev.spendaudit.reconcile.bill.BillFormat;
import dev.spendaudit.reconcile.bill.BillFormatException;
import dev.spendaudit.reconcile.bill.BilledDay;
import dev.spendaudit.reconcile.bill.BilledRequest;
import dev.spendaudit.source.demo.Call;

/**
 * Bills for tests, as {@link BillFile} values: a file is written into the inbox with some content (its SHA-256 is
 * what the inbox remembers) and the parser returns the value registered for its name, or throws for a bad one. It
 * counts how often each file was read.
 */
final class TestBills implements BillParser {

	private final Map<String, BillFile> bills = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

	private final Path inbox;

	TestBills(Path inbox) {
		this.inbox = inbox;
	}

	@Override
	public BillFile read(Path file) {
		String name = file.getFileName().toString();
		reads.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
		BillFile bill = bills.get(name);
		if (bill == null) {
			throw new BillFormatException(file, 3, "cost_total \"12,5\" is not a number");
		}
		return bill;
	}

	int reads(String name) {
		AtomicInteger n = reads.get(name);
		return n == null ? 0 : n.get();
	}

	/** Writes {@code name} into the inbox with {@code content}, modified at {@code modified}, billing {@code bill}. */
	void put(String name, String content, Instant modified, BillFile bill) {
		try {
			Path file = inbox.resolve(name);
			Files.writeString(file, content);
			Files.setLastModifiedTime(file, FileTime.from(modified));
			if (bill != null) {
				bills.put(name, bill);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** OpenRouter's generation export of these calls, billed at {@code usd} each, covering {@code from .. to}. */
	static BillFile generations(List<Call> calls, Map<String, BigDecimal> usdByModel, LocalDate from, LocalDate to) {
		List<BilledRequest> requests = calls.stream()
			.map(c -> new BilledRequest("openrouter", c.requestId(), c.startTimeUtc().toInstant(ZoneOffset.UTC),
					c.modelGroup(), usdByModel.get(c.modelGroup()), null, c.promptTokens(), c.completionTokens(), 0,
					"team-key", "app"))
			.toList();
		return new BillFile(Path.of("generations.csv"), "-", Instant.EPOCH, BillFormat.OPENROUTER_GENERATIONS_CSV,
				List.of(new BillCoverage("openrouter", from, to)), List.of(), List.of(), requests);
	}

	/** A per-day bill: one line per provider day. */
	static BillFile perDay(BillFormat format, List<BilledDay> days, List<BillCoverage> coverage) {
		return new BillFile(Path.of("costs.json"), "-", Instant.EPOCH, format, coverage, days, List.of(), List.of());
	}

}
