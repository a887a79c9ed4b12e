package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks a written {@code digest-*.json} against the published {@code schema/digest.schema.json}.
 */
public final class DigestSchema {

	private static final Schema SCHEMA = load();

	private DigestSchema() {
	}

	/** The schema violations, one line each; empty when the file conforms. */
	public static List<String> violations(Path json) {
		try {
			return SCHEMA.validate(Files.readString(json), InputFormat.JSON)
				.stream()
				.map(e -> e.getInstanceLocation() + ": " + e.getMessage())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Schema load() {
		try (InputStream in = DigestSchema.class.getResourceAsStream("/schema/digest.schema.json")) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
