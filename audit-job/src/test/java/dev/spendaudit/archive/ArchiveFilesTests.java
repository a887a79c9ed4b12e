package dev.spendaudit.archive;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveFilesTests {

	@Test
	void aWorkloadsFileNameKeepsItsLettersAndDigitsAndAHashOfTheWholeName() {
		assertThat(ArchiveFiles.workload("vk-alpha")).matches("workload-vk-alpha-[0-9a-f]{8}\\.html");
		assertThat(ArchiveFiles.workload("../../etc/passwd")).matches("workload-etc-passwd-[0-9a-f]{8}\\.html");
		assertThat(ArchiveFiles.workload("工作")).matches("workload-[0-9a-f]{8}\\.html");
		assertThat(ArchiveFiles.workload("x".repeat(10_000))).hasSize("workload-".length() + 40 + 1 + 8 + 5);
		assertThat(ArchiveFiles.workload("VK Alpha")).as("case and punctuation do not clash")
			.isNotEqualTo(ArchiveFiles.workload("vk-alpha")).startsWith("workload-vk-alpha-");
		assertThat(ArchiveFiles.month(YearMonth.of(2026, 11))).isEqualTo("2026-11.html");
	}

}
