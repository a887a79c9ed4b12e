package dev.spendaudit.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadResolverTests {

	static final String MASTER_SHA = "a".repeat(64);

	final WorkloadResolver resolver = new WorkloadResolver(MASTER_SHA);

	@Test
	void currentAliasBeatsEveryOtherFact() {
		KeyFacts facts = new KeyFacts("h1", "vk-now", "sk-...1111", "vk-deleted", null, "vk-rotated", "vk-request");
		assertThat(resolver.resolve(facts)).isEqualTo(new Workload("vk-now", Attribution.KEY_ALIAS));
	}

	@Test
	void deletedAliasBeatsRotationAndRequestAlias() {
		KeyFacts facts = new KeyFacts("h1", null, null, "vk-deleted", "sk-...2222", "vk-rotated", "vk-request");
		assertThat(resolver.resolve(facts)).isEqualTo(new Workload("vk-deleted", Attribution.DELETED_KEY));
	}

	@Test
	void rotationBeatsRequestAlias() {
		KeyFacts facts = new KeyFacts("h1", null, null, null, null, "vk-rotated", "vk-request");
		assertThat(resolver.resolve(facts)).isEqualTo(new Workload("vk-rotated", Attribution.ROTATED_KEY));
	}

	@Test
	void requestAliasBeatsKeyName() {
		KeyFacts facts = new KeyFacts("h1", null, "sk-...3333", null, null, null, "vk-request");
		assertThat(resolver.resolve(facts)).isEqualTo(new Workload("vk-request", Attribution.REQUEST_ALIAS));
	}

	@Test
	void blankAliasesCountAsMissing() {
		KeyFacts facts = new KeyFacts("h1", "  ", "sk-...3333", "", null, null, "");
		assertThat(resolver.resolve(facts)).isEqualTo(new Workload("sk-...3333", Attribution.KEY_NAME));
	}

	@Test
	void deletedKeyNameWhenTheKeyHadNoAlias() {
		KeyFacts facts = new KeyFacts("h1", null, null, null, "sk-...4444", null, null);
		assertThat(resolver.resolve(facts)).isEqualTo(new Workload("sk-...4444", Attribution.KEY_NAME));
	}

	@Test
	void masterKeyByLiteralOrConfiguredHashEvenWithAKeyName() {
		assertThat(resolver.resolve(KeyFacts.unknown("litellm_proxy_master_key")))
			.isEqualTo(new Workload("master-key", Attribution.MASTER_KEY));
		KeyFacts hashed = new KeyFacts(MASTER_SHA, null, "sk-...mstr", null, null, null, null);
		assertThat(resolver.resolve(hashed)).isEqualTo(new Workload("master-key", Attribution.MASTER_KEY));
	}

	@Test
	void masterHashIsOnlyRecognisedWhenConfigured() {
		WorkloadResolver plain = new WorkloadResolver(null);
		assertThat(plain.resolve(KeyFacts.unknown(MASTER_SHA)))
			.isEqualTo(new Workload("unknown:aaaaaaaa", Attribution.UNKNOWN_KEY));
	}

	@Test
	void unknownHashesShowTheirFirstEightCharacters() {
		String hash = "0123456789abcdef".repeat(4);
		assertThat(resolver.resolve(KeyFacts.unknown(hash)).name()).isEqualTo("unknown:01234567");
		assertThat(resolver.resolve(KeyFacts.unknown("")).name()).isEqualTo("unknown:none");
		assertThat(resolver.resolve(KeyFacts.unknown(null)).name()).isEqualTo("unknown:none");
	}

	@Test
	void aRawKeyIsNamedByItsHashNeverByAPrefix() {
		String raw = "my-raw-bearer-token-1234";
		String name = resolver.resolve(KeyFacts.unknown(raw)).name();
		assertThat(name).isEqualTo("unknown:" + KeyHash.of(raw).substring(0, 8)).doesNotContain("my-raw");
		// upper-case hex is not what LiteLLM stores: treated as a raw value too
		assertThat(resolver.resolve(KeyFacts.unknown("ABC")).name()).isEqualTo("unknown:" + KeyHash.of("ABC").substring(0, 8));
	}

	@Test
	void settingsRejectAMalformedMasterKeyHash() {
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> new SourceSettings(null, null, null, "not-a-hash", null))
			.withMessageContaining("spend-audit.source.master-key-sha256");
		assertThat(new SourceSettings(null, null, null, "A".repeat(64), null).masterKeySha256()).isEqualTo(MASTER_SHA);
	}

	@Test
	void keyHashIsLiteLlmsSha256Hex() {
		// sha256("sk-1234"), as LiteLLM's hash_token computes it
		assertThat(KeyHash.of("sk-1234")).isEqualTo("88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b");
		assertThat(KeyHash.keyName("sk-demo-laptop-9f3a")).isEqualTo("sk-...9f3a");
	}

}
