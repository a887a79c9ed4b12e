package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schema of {@code statement-PERIOD.json} ({@code schema/statement.schema.json} in the jar).
 */
public final class StatementSchema {

	private static final Schema SCHEMA = load();

	private StatementSchema() {
	}

	/** The schema violations of a statement, empty when it conforms. */
	public static List<String> violations(JsonNode statement) {
		return SCHEMA.validate(statement).stream().map(Error::toString).toList();
	}

	private static Schema load() {
		try (InputStream in = StatementSchema.class.getResourceAsStream("/schema/statement.schema.json")) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
