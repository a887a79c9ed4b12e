package dev.spendaudit.baseline;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreeModelsTests {

	@Test
	void matchesNamesAndProviderQualifiedGlobs() {
		FreeModels free = new FreeModels(List.of("ollama/*", "Local-Llama", "lmstudio-?b"));
		assertThat(free.isFree("qwen3-coder", "ollama")).isTrue();
		assertThat(free.isFree("local-llama", "hosted_vllm")).isTrue();
		assertThat(free.isFree("lmstudio-7b", "")).isTrue();
		assertThat(free.isFree("glm-4.6", "zai")).isFalse();
		assertThat(free.isFree("ollama", "openai")).isFalse();
	}

	@Test
	void nothingIsFreeByDefault() {
		assertThat(new FreeModels(List.of()).isFree("qwen3-coder", "ollama")).isFalse();
	}

}
