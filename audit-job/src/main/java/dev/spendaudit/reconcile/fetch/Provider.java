package dev.spendaudit.reconcile.fetch;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.reconcile.ReconcileSettings;

/**
 * A provider whose key is configured: where its API answers, the headers that carry its key, and the requests
 * for a range of UTC days. Not a record, so that no {@code toString} ever prints the key.
 */
final class Provider {

	private final String name;

	private final URI base;

	private final String key;

	private final Map<String, String> headers;

	private Provider(String name, URI base, String key, Map<String, String> headers) {
		this.name = name;
		this.base = base;
		this.key = key;
		this.headers = Map.copyOf(headers);
	}

	/** The providers with a key, in a fixed order: OpenRouter, OpenAI, Anthropic. */
	static List<Provider> configured(ReconcileSettings settings) {
		List<Provider> providers = new ArrayList<>();
		String openrouter = stripped(settings.openrouter().managementKey());
		if (hasText(openrouter)) {
			providers.add(new Provider("openrouter", settings.openrouter().baseUrl(), openrouter,
					Map.of("Authorization", "Bearer " + openrouter)));
		}
		String openai = stripped(settings.openai().adminKey());
		if (hasText(openai)) {
			providers.add(new Provider("openai", settings.openai().baseUrl(), openai,
					Map.of("Authorization", "Bearer " + openai)));
		}
		String anthropic = stripped(settings.anthropic().adminKey());
		if (hasText(anthropic)) {
			providers.add(new Provider("anthropic", settings.anthropic().baseUrl(), anthropic,
					Map.of("x-api-key", anthropic, "anthropic-version", "2023-06-01")));
		}
		return providers;
	}

	/** The requests for the UTC days {@code from} to {@code to}, inclusive. */
	List<Endpoint> endpoints(LocalDate from, LocalDate to) {
		return switch (name) {
			case "openrouter" -> from.datesUntil(to.plusDays(1))
				// the activity is filtered by one day at a time: each file then holds exactly the day it is named by
				.map(day -> new Endpoint(name, "activity", "/api/v1/activity", Map.of("date", day.toString()), day,
						day, false))
				.toList();
			case "openai" -> List.of(
					new Endpoint(name, "costs", "/v1/organization/costs",
							openAiQuery(from, to, "line_item"), from, to, true),
					new Endpoint(name, "usage", "/v1/organization/usage/completions",
							openAiQuery(from, to, "model"), from, to, true));
			case "anthropic" -> List.of(
					new Endpoint(name, "costs", "/v1/organizations/cost_report",
							anthropicQuery(from, to, null, "description"), from, to, true),
					new Endpoint(name, "usage", "/v1/organizations/usage_report/messages",
							anthropicQuery(from, to, "1d", "model"), from, to, true));
			default -> throw new IllegalStateException("no endpoints for " + name);
		};
	}

	private static Map<String, String> openAiQuery(LocalDate from, LocalDate to, String groupBy) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("start_time", Long.toString(from.atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
		// the end is exclusive: the start of the day after the last one
		query.put("end_time", Long.toString(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
		query.put("bucket_width", "1d");
		query.put("group_by", groupBy);
		query.put("limit", Long.toString(to.toEpochDay() - from.toEpochDay() + 1));
		return query;
	}

	private static Map<String, String> anthropicQuery(LocalDate from, LocalDate to, String bucketWidth,
			String groupBy) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("starting_at", from + "T00:00:00Z");
		query.put("ending_at", to.plusDays(1) + "T00:00:00Z");
		if (bucketWidth != null) {
			query.put("bucket_width", bucketWidth);
		}
		query.put("group_by[]", groupBy);
		return query;
	}

	String name() {
		return name;
	}

	URI base() {
		return base;
	}

	/** The host (and port, when the URL gives one) that log lines name. */
	String host() {
		return base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
	}

	Map<String, String> headers() {
		return headers;
	}

	/** {@code text} with every occurrence of the key masked: for any line that may quote an answer. */
	String scrub(String text) {
		return text == null ? null : text.replace(key, "****");
	}

	@Override
	public String toString() {
		return name + " (" + host() + ")";
	}

	private static boolean hasText(String key) {
		return key != null && !key.isEmpty();
	}

	/** An env file's key may end in a stray space or newline, which no API accepts in a header. */
	private static String stripped(String key) {
		return key == null ? null : key.strip();
	}

}
