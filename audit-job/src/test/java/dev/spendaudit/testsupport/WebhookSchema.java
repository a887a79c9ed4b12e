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
 * The published JSON Schema of a webhook message in the {@code json} format ({@code schema/webhook.schema.json} in
 * the jar).
 */
public final class WebhookSchema {

	private static final Schema SCHEMA = load();

	private WebhookSchema() {
	}

	/** The schema violations of {@code message}, empty when it conforms. */
	public static List<String> violations(JsonNode message) {
		return SCHEMA.validate(message).stream().map(Error::toString).toList();
	}

	private static Schema load() {
		try (InputStream in = WebhookSchema.class.getResourceAsStream("/schema/webhook.schema.json")) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
