package dev.spendaudit.reconcile.fetch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one fetch did, per provider that has a key (a provider without one is not fetched and not listed): the
 * files it saved into the inbox, or the one line saying why it failed. Nothing in it holds a key.
 *
 * @param from the first UTC day asked for
 * @param to the last UTC day asked for
 * @param providers one per provider fetched, in the order OpenRouter, OpenAI, Anthropic
 */
public record FetchReport(LocalDate from, LocalDate to, List<ProviderFetch> providers) {

	public FetchReport {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		providers = List.copyOf(providers);
	}

	/** Every file saved, by every provider. */
	public List<Path> files() {
		return providers.stream().flatMap(p -> p.files().stream()).toList();
	}

	/** The providers whose fetch failed. */
	public List<ProviderFetch> failed() {
		return providers.stream().filter(p -> !p.ok()).toList();
	}

	/**
	 * One provider's fetch.
	 *
	 * @param provider LiteLLM's name: {@code openrouter}, {@code openai}, {@code anthropic}
	 * @param host the host asked ({@code api.openai.com})
	 * @param ok whether every request was answered and saved
	 * @param reason why not, in one line (the request, the HTTP status or the cause); null when {@code ok}
	 * @param files the files saved; a failed provider may have saved some (each request's pages are saved together
	 * once all of them are in, so a request is saved whole or not at all)
	 */
	public record ProviderFetch(String provider, String host, boolean ok, String reason, List<Path> files) {

		public ProviderFetch {
			Objects.requireNonNull(provider, "provider");
			files = List.copyOf(files);
			if (!ok && reason == null) {
				throw new IllegalArgumentException("a failed fetch says why");
			}
		}

		/** {@code openai: 4 files} or {@code openai (api.openai.com): GET /v1/organization/costs: HTTP 401 ...}. */
		public String line() {
			return ok ? provider + ": " + files.size() + (files.size() == 1 ? " file" : " files")
					: provider + " (" + host + "): " + reason;
		}

	}

}
