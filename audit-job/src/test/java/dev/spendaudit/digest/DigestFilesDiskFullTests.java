package dev.spendaudit.digest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.spendaudit.testsupport.SmallDisk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A day's file is written whole or not at all: on a full disk the write fails naming the file, its temporary file
 * is gone, and the file written before it is untouched. A temporary file a killed run left behind is cleared.
 */
class DigestFilesDiskFullTests {

	@Test
	void aFullDiskLeavesThePreviousFileWholeAndNoTemporaryFile() throws Exception {
		try (SmallDisk disk = SmallDisk.mount("64k")) {
			Path dir = disk.path().resolve("out");
			DigestFiles.write(dir, "digest-2026-11-26.eml", "the first rendering\n");
			byte[] tooBig = new byte[256 * 1024];
			assertThatThrownBy(() -> DigestFiles.write(dir, "digest-2026-11-26.eml", tooBig))
				.isInstanceOf(OutputNotWritableException.class)
				.hasMessageStartingWith("cannot write " + dir.resolve("digest-2026-11-26.eml") + ": ")
				.hasMessageContaining("No space left on device");
			assertThat(dir.resolve("digest-2026-11-26.eml")).hasContent("the first rendering");
			assertThat(names(dir)).containsExactly("digest-2026-11-26.eml");
		}
	}

	@Test
	void aTemporaryFileLeftByAKilledRunIsRemovedByTheNextWrite(@org.junit.jupiter.api.io.TempDir Path dir)
			throws Exception {
		Files.writeString(dir.resolve(".digest-2026-11-26.eml1234567" + DigestFiles.TEMP_SUFFIX), "half a mes");
		Files.writeString(dir.resolve(".digest-2026-11-26.json99" + DigestFiles.TEMP_SUFFIX), "{");
		DigestFiles.write(dir, "digest-2026-11-26.eml", "whole\n");
		assertThat(names(dir)).containsExactly(".digest-2026-11-26.json99.tmp", "digest-2026-11-26.eml");
	}

	private static java.util.List<String> names(Path dir) throws Exception {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
