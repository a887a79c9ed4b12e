package dev.spendaudit.reconcile.fetch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One request for one range of days, and the name its pages are saved under:
 * {@code openai-costs-2026-11-20-2026-11-26-p1.json}.
 *
 * @param provider LiteLLM's name of the provider ({@code openai})
 * @param name the endpoint's short name ({@code costs})
 * @param path the path below the provider's base URL ({@code /v1/organization/costs})
 * @param query the query parameters, in order, unencoded ({@code group_by[]} is encoded on the way)
 * @param from the first UTC day asked for
 * @param to the last UTC day asked for
 * @param paged whether the answer pages with {@code has_more} / {@code next_page} (and the next page is asked
 * for with {@code page=})
 */
record Endpoint(String provider, String name, String path, Map<String, String> query, LocalDate from, LocalDate to,
		boolean paged) {

	Endpoint {
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(path, "path");
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
	}

	/** The first page ({@code page} null) or a later one, below {@code base}. */
	URI uri(URI base, String page) {
		Map<String, String> parameters = new LinkedHashMap<>(query);
		if (page != null) {
			parameters.put("page", page);
		}
		String encoded = parameters.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		String root = base.toString().replaceAll("/+$", "");
		return URI.create(root + path + (encoded.isEmpty() ? "" : "?" + encoded));
	}

	/** What the pages of this request are saved under, before {@code -pN.json}. */
	String filePrefix() {
		return provider + "-" + name + "-" + from + "-" + to;
	}

	/** The file of page {@code page} (from 1). */
	String fileName(int page) {
		return filePrefix() + "-p" + page + ".json";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
