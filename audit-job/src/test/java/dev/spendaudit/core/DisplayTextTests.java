package dev.spendaudit.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTextTests {

	@Test
	void plainTextIsLeftAsItIs() {
		assertThat(DisplayText.clean("vk-hermes · claude-sonnet-4 🚀 <b>")).isEqualTo("vk-hermes · claude-sonnet-4 🚀 <b>");
		assertThat(DisplayText.clean(null)).isNull();
	}

	@Test
	void controlCharactersAreNeutralisedAndLineBreaksBecomeSpaces() {
		assertThat(DisplayText.clean("a\u0000b\u001bc\u007fd\u009be")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
		assertThat(DisplayText.clean("line\r\nbreak\tand tab")).isEqualTo("line  break and tab");
	}

	@Test
	void bidiControlsAreRemoved() {
		assertThat(DisplayText.clean("vk-\u202Egnp.exe\u202C \u2066x\u2069\u200F")).isEqualTo("vk-gnp.exe x");
	}

	@Test
	void longTextEndsWithAnEllipsisWithinTheBound() {
		String name = DisplayText.name("x".repeat(10_000));
		assertThat(name).hasSize(DisplayText.MAX_NAME).endsWith("…");
		assertThat(DisplayText.fit("abcdef", 6)).isEqualTo("abcdef");
		assertThat(DisplayText.fit("abcdefg", 6)).isEqualTo("abcde…");
		// code points, not chars: an emoji is never cut in half
		assertThat(DisplayText.fit("😀".repeat(10), 4)).isEqualTo("😀😀😀…");
	}

}
