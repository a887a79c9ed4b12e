package dev.spendaudit.source.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spendaudit.source.KeyHash;

/**
 * The demo's inbox: the bills its providers would send for the last {@value #DAYS} UTC days to yesterday, written
 * from the demo's own traffic. OpenRouter's generation export lists every OpenRouter call the spend log kept (the
 * shared Mac key's, and squad-boreas's kimi-k2, which LiteLLM's cost map prices at $0 through OpenRouter while
 * OpenRouter bills it) and three generations of yesterday the log lacks (dropped on a duplicate provider id);
 * OpenAI's costs response bills each day's OpenAI calls the log kept, per model, at what LiteLLM logged.
 */
public final class DemoBills {

	static final int DAYS = 7;

	/** OpenRouter's price of kimi-k2 per million tokens, in and out: what the bill charges for the $0 calls. */
	static final BigDecimal KIMI_IN = new BigDecimal("0.60");

	static final BigDecimal KIMI_OUT = new BigDecimal("2.50");

	static final String BOREAS_KEY = "sk-demo-boreas-9e0f";

	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private DemoBills() {
	}

	/** The demo's calls plus squad-boreas's few kimi-k2 calls a day through OpenRouter, logged at $0. */
	static List<Call> withRouterTraffic(List<Call> calls, LocalDateTime nowUtc) {
		List<Call> all = new ArrayList<>(calls);
		LocalDate today = nowUtc.toLocalDate();
		for (LocalDate day = today.minusDays(DemoDatabase.DAYS); day.isBefore(today); day = day.plusDays(1)) {
			for (int i = 0; i < 6; i++) {
				all.add(Call.of("gen-demo-kimi-" + day + "-" + i, KeyHash.of(BOREAS_KEY), "vk-squad-boreas", "kimi-k2",
						"openrouter", day.atTime(3 + 3 * i, 17), 0.0, 5_000, 600));
			}
		}
		return all;
	}

	/** Writes the two bills into {@code inbox} from the calls the spend log kept. */
	static void write(Path inbox, List<Call> logged, LocalDateTime nowUtc) {
		LocalDate last = nowUtc.toLocalDate().minusDays(1);
		LocalDate first = last.minusDays(DAYS - 1);
		List<Call> billed = logged.stream().filter(c -> {
			LocalDate d = c.startTimeUtc().toLocalDate();
			return !d.isBefore(first) && !d.isAfter(last) && !Double.isNaN(c.spend()) && c.spend() >= 0;
		}).toList();
		StringBuilder csv = new StringBuilder("generation_id,created_at,cost_total,byok_usage_inference,tokens_prompt,"
				+ "tokens_completion,tokens_cached,model_permaslug,provider_name,api_key_name,app_name\n");
		for (Call c : billed) {
			if (!"openrouter".equals(c.provider()) || c.requestId().endsWith("_cache_hit")) {
				continue;
			}
			boolean kimi = "kimi-k2".equals(c.modelGroup());
			BigDecimal usd = kimi ? KIMI_IN.multiply(BigDecimal.valueOf(c.promptTokens()))
				.add(KIMI_OUT.multiply(BigDecimal.valueOf(c.completionTokens())))
				.divide(BigDecimal.valueOf(1_000_000), 8, RoundingMode.HALF_UP) : new BigDecimal(Double.toString(c.spend()));
			csv.append(row(c.requestId(), c.startTimeUtc(), usd, c.promptTokens(), c.completionTokens(),
					kimi ? "moonshotai/kimi-k2" : "openai/" + c.modelGroup(), kimi ? "squad-boreas" : "mac-shared"));
		}
		for (int i = 0; i < 3; i++) {
			csv.append(row("gen-demo-dropped-" + last + "-" + i, last.atTime(16, 20 + i), new BigDecimal("0.45"),
					210_000, 6_000, "openai/gpt-4.1-mini", "mac-shared"));
		}
		Map<LocalDate, Map<String, BigDecimal>> openai = new TreeMap<>();
		for (Call c : billed) {
			if ("openai".equals(c.provider())) {
				openai.computeIfAbsent(c.startTimeUtc().toLocalDate(), d -> new TreeMap<>())
					.merge(c.modelGroup(), new BigDecimal(Double.toString(c.spend())), BigDecimal::add);
			}
		}
		StringBuilder json = new StringBuilder("{\n  \"object\": \"page\",\n  \"data\": [");
		String bucketSep = "\n";
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			json.append(bucketSep).append("    {\"object\": \"bucket\", \"start_time\": ")
				.append(d.atStartOfDay().toEpochSecond(ZoneOffset.UTC))
				.append(", \"end_time\": ")
				.append(d.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC))
				.append(", \"results\": [");
			String sep = "\n";
			for (Map.Entry<String, BigDecimal> m : openai.getOrDefault(d, Map.of()).entrySet()) {
				json.append(sep).append("      {\"object\": \"organization.costs.result\", \"amount\": {\"value\": ")
					.append(m.getValue().stripTrailingZeros().toPlainString())
					.append(", \"currency\": \"usd\"}, \"line_item\": \"")
					.append(m.getKey())
					.append("\", \"project_id\": \"proj_demo\"}");
				sep = ",\n";
			}
			json.append("]}");
			bucketSep = ",\n";
		}
		json.append("\n  ],\n  \"has_more\": false,\n  \"next_page\": null\n}\n");
		try {
			Files.createDirectories(inbox);
			Files.writeString(inbox.resolve("openrouter-generations-" + first + "-to-" + last + ".csv"), csv);
			Files.writeString(inbox.resolve("openai-costs-" + first + "-to-" + last + ".json"), json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the demo's inbox " + inbox + " cannot be written", ex);
		}
	}

	private static String row(String id, LocalDateTime created, BigDecimal usd, long prompt, long completion,
			String model, String keyName) {
		return String.join(",", id, CREATED.format(created), usd.toPlainString(), "0", String.valueOf(prompt),
				String.valueOf(completion), "0", model, "OpenRouter", keyName, "homelab") + "\n";
	}

}
