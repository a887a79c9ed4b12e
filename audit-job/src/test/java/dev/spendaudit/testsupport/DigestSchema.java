package dev.spendaudit.testsupport;

import java.io.InputStream;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schema of the digest ({@code schema/digest.schema.json} in the jar), for validating what the
 * job writes.
 */
public final class DigestSchema {

	private static final Schema SCHEMA = load();

	private DigestSchema() {
	}

	/** The schema violations of {@code document}, empty when it conforms. */
	public static List<String> violations(JsonNode document) {
		return SCHEMA.validate(document).stream().map(Error::toString).toList();
	}

	private static Schema load() {
		try (InputStream in = DigestSchema.class.getResourceAsStream("/schema/digest.schema.json")) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(in, InputFormat.JSON);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
