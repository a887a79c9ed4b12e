package dev.spendaudit.doctor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

	@Test
	void aSecretShowsAsStarsAndAFingerprintThatMatchesWithinOneRunOnly() {
		Secrets run = new Secrets();
		String once = run.mask("hunter2-secret");
		assertThat(once).matches("\\*\\*\\*\\*\\[[0-9a-f]{8}]").doesNotContain("hunter2");
		assertThat(run.mask("hunter2-secret")).isEqualTo(once);
		assertThat(run.mask("another-secret")).isNotEqualTo(once);
		assertThat(new Secrets().mask("hunter2-secret")).isNotEqualTo(once);
	}

	@Test
	void urlsKeepEverythingButThePassword() {
		Secrets run = new Secrets();
		String fp = run.fingerprint("pw-in-url");
		assertThat(run.maskUrl("jdbc:postgresql://db:5432/litellm?user=ro&password=pw-in-url&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/litellm?user=ro&password=****[" + fp + "]&ssl=true");
		assertThat(run.maskUrl("postgresql://litellm:pw-in-url@db.internal:5432/litellm"))
			.isEqualTo("postgresql://litellm:****[" + fp + "]@db.internal:5432/litellm");
		assertThat(run.maskUrl("jdbc:postgresql://db/litellm")).isEqualTo("jdbc:postgresql://db/litellm");
		assertThat(run.maskPath("https://hc-ping.com/5f1c-uuid")).startsWith("https://hc-ping.com/****[")
			.doesNotContain("5f1c");
		assertThat(run.maskPath("https://ntfy.example?auth=tk-5f1c")).startsWith("https://ntfy.example/****[")
			.doesNotContain("5f1c");
		assertThat(run.maskPath("https://ntfy.example/")).isEqualTo("https://ntfy.example/");
	}

	@Test
	void anyTextIsScrubbedOfEverySecretMaskedSoFar() {
		Secrets run = new Secrets();
		String mask = run.mask("s3cr3t-password");
		assertThat(run.scrub("FATAL: password s3cr3t-password was refused")).isEqualTo("FATAL: password " + mask
				+ " was refused");
		assertThat(run.scrub("nothing secret")).isEqualTo("nothing secret");
	}

	@Test
	void secretsAreKnownByTheLastPartOfTheirName() {
		assertThat(Secrets.isSecretName("spend-audit.source.password")).isTrue();
		assertThat(Secrets.isSecretName("spring.mail.password")).isTrue();
		assertThat(Secrets.isSecretName("spend-audit.source.master-key-sha256")).isTrue();
		assertThat(Secrets.isSecretName("spend-audit.notify.webhooks[0].api-key")).isTrue();
		assertThat(Secrets.isSecretName("spend-audit.reconcile.openai.admin-key")).isTrue();
		assertThat(Secrets.isSecretName("spend-audit.reconcile.anthropic.admin-key")).isTrue();
		assertThat(Secrets.isSecretName("spend-audit.reconcile.openrouter.management-key")).isTrue();
		// an alias, a key_name or a hash of a key being retired: a name, not a secret
		assertThat(Secrets.isSecretName("spend-audit.freshness.canary-key")).isFalse();
		assertThat(Secrets.isSecretName("spend-audit.retiring-keys[0].key")).isFalse();
		assertThat(Secrets.isSecretName("spend-audit.source.username")).isFalse();
	}

}
