package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.spendaudit.settings.EnvironmentOnly;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciling LiteLLM's spend log with what the providers billed ({@code spend-audit.reconcile.*}).
 *
 * @param inbox the folder bills are downloaded (or fetched) into; unset: no reconciliation
 * @param minCapture below this capture rate ({@code logged / billed}) a provider's reconciled days are a BILL_GAP
 * @param minGapUsd ... and only when the gap ({@code billed − logged}) is at least this much money
 * @param maxPriceDrift a model whose logged price per million tokens differs from the billed one by more than this
 * share is a PRICE_MISMATCH
 * @param windowDays how many UTC days before the audited day's end the digest reconciles (bills lag a day or two)
 * @param maxListed at most this many missing and mispriced requests are listed per provider and day (the counts
 * are always whole)
 * @param sources the gateways whose spend shares the providers' accounts; empty: every gateway
 * @param openrouter the OpenRouter account (its management key from the environment only)
 * @param openai the OpenAI organization (its admin key from the environment only)
 * @param anthropic the Anthropic organization (its admin key from the environment only)
 * @param fetch how bills are fetched when a key is configured
 */
@ConfigurationProperties(prefix = "spend-audit.reconcile", ignoreUnknownFields = false)
public record ReconcileSettings(Path inbox, @DefaultValue("0.95") BigDecimal minCapture,
		@DefaultValue("1") BigDecimal minGapUsd, @DefaultValue("0.10") BigDecimal maxPriceDrift,
		@DefaultValue("7") int windowDays, @DefaultValue("20") int maxListed, List<String> sources,
		@DefaultValue OpenRouter openrouter, @DefaultValue OpenAi openai, @DefaultValue Anthropic anthropic,
		@DefaultValue Fetch fetch) {

	public ReconcileSettings {
		sources = sources == null ? List.of() : List.copyOf(sources);
		if (minCapture.signum() <= 0 || minCapture.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException(
					"spend-audit.reconcile.min-capture must be above 0 and at most 1, not " + minCapture);
		}
		if (minGapUsd.signum() < 0) {
			throw new IllegalArgumentException("spend-audit.reconcile.min-gap-usd must not be negative, not " + minGapUsd);
		}
		if (maxPriceDrift.signum() <= 0) {
			throw new IllegalArgumentException(
					"spend-audit.reconcile.max-price-drift must be above 0, not " + maxPriceDrift);
		}
		if (windowDays < 1 || windowDays > 62) {
			throw new IllegalArgumentException(
					"spend-audit.reconcile.window-days must be between 1 and 62, not " + windowDays);
		}
		if (maxListed < 0) {
			throw new IllegalArgumentException("spend-audit.reconcile.max-listed must not be negative, not " + maxListed);
		}
	}

	/** Whether an inbox is configured, so that reconciliation runs at all. */
	public boolean enabled() {
		return inbox != null;
	}

	/**
	 * OpenRouter ({@code spend-audit.reconcile.openrouter.*}).
	 *
	 * @param managementKey a management key (environment only: {@code SPEND_AUDIT_RECONCILE_OPENROUTER_MANAGEMENT_KEY})
	 * @param baseUrl where its API answers (tests point it at a server of their own)
	 */
	public record OpenRouter(@EnvironmentOnly String managementKey, @DefaultValue("https://openrouter.ai") URI baseUrl) {
	}

	/**
	 * OpenAI ({@code spend-audit.reconcile.openai.*}).
	 *
	 * @param adminKey an admin key (environment only: {@code SPEND_AUDIT_RECONCILE_OPENAI_ADMIN_KEY})
	 * @param baseUrl where its API answers
	 */
	public record OpenAi(@EnvironmentOnly String adminKey, @DefaultValue("https://api.openai.com") URI baseUrl) {
	}

	/**
	 * Anthropic ({@code spend-audit.reconcile.anthropic.*}).
	 *
	 * @param adminKey an admin key (environment only: {@code SPEND_AUDIT_RECONCILE_ANTHROPIC_ADMIN_KEY})
	 * @param baseUrl where its API answers
	 */
	public record Anthropic(@EnvironmentOnly String adminKey, @DefaultValue("https://api.anthropic.com") URI baseUrl) {
	}

	/**
	 * Fetching bills ({@code spend-audit.reconcile.fetch.*}).
	 *
	 * @param connectTimeout how long to wait for a provider's API to accept the connection
	 * @param readTimeout how long to wait for one response
	 * @param attempts how many times one request is tried before the fetch of that provider fails
	 * @param days how many UTC days back from the audited day each fetch asks for
	 */
	public record Fetch(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
			@DefaultValue("3") int attempts, @DefaultValue("7") int days) {

		public Fetch {
			if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
					|| readTimeout.isZero()) {
				throw new IllegalArgumentException(
						"spend-audit.reconcile.fetch.connect-timeout and read-timeout must be above 0");
			}
			if (attempts < 1 || attempts > 10) {
				throw new IllegalArgumentException(
						"spend-audit.reconcile.fetch.attempts must be between 1 and 10, not " + attempts);
			}
			if (days < 1 || days > 30) {
				// OpenRouter's activity holds the last 30 days, no more
				throw new IllegalArgumentException(
						"spend-audit.reconcile.fetch.days must be between 1 and 30, not " + days);
			}
		}

	}

}
