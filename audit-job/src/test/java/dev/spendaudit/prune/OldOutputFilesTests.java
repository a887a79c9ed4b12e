package dev.spendaudit.prune;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OldOutputFilesTests {

	static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

	@TempDir
	Path dir;

	@Test
	void removesOnlyTheDigestFilesWrittenBeforeTheCutoff() throws Exception {
		List<String> old = List.of("digest-2026-01-02.json", "digest-2026-01-02.html", "digest-2026-01-02.txt",
				"digest-2026-01-02.eml", "digest-2026-01-02-spend.png", "digest-2026-01-05.json");
		List<String> kept = List.of("notes.txt", "digest-2026-01-02.json.bak", "spend-audit.prom", "digest-x.json");
		for (String name : old) {
			write(name, NOW.minusSeconds(90 * 86_400));
		}
		for (String name : kept) {
			write(name, NOW.minusSeconds(90 * 86_400));
		}
		write("digest-2025-06-01.json", NOW.minusSeconds(3_600));

		OldOutputFiles.Removed removed = OldOutputFiles.removeBefore(dir, NOW.minusSeconds(30 * 86_400));

		assertThat(removed.files()).map(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(old);
		assertThat(removed.firstDay()).isEqualTo(LocalDate.of(2026, 1, 2));
		assertThat(removed.lastDay()).isEqualTo(LocalDate.of(2026, 1, 5));
		for (String name : kept) {
			assertThat(dir.resolve(name)).exists();
		}
		assertThat(dir.resolve("digest-2025-06-01.json")).as("an old day rerun lately").exists();
	}

	@Test
	void aMissingFolderHasNothingToRemove() {
		assertThat(OldOutputFiles.removeBefore(dir.resolve("none"), NOW).files()).isEmpty();
	}

	private void write(String name, Instant modified) throws Exception {
		Path file = Files.writeString(dir.resolve(name), name);
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

}
