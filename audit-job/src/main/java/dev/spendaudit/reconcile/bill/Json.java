package dev.spendaudit.reconcile.bill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON value that remembers the line it starts on, so that a bad value is reported where it is ({@code line 14:
 * amount.value "abc" is not a number}); Jackson's tree forgets locations, so the bill's JSON is read with its
 * streaming parser into these. Objects keep their members, arrays their elements, scalars their text.
 */
final class Json {

	enum Kind {
		OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING
	}

	private static final JsonFactory FACTORY = new JsonFactory();

	private final Kind kind;

	private final int line;

	private final String text;

	private final Map<String, Json> members;

	private final List<Json> elements;

	private Json(Kind kind, int line, String text, Map<String, Json> members, List<Json> elements) {
		this.kind = kind;
		this.line = line;
		this.text = text;
		this.members = members;
		this.elements = elements;
	}

	/** Parses a whole document; a syntax error or a truncated file names the parser's line. */
	static Json parse(Path file, String content) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), content)) {
			if (parser.nextToken() == null) {
				throw new BillFormatException(file, 0, "the file is empty");
			}
			Json root = read(parser);
			if (parser.nextToken() != null) {
				throw new BillFormatException(file, parser.currentTokenLocation().getLineNr(),
						"unexpected content after the JSON document");
			}
			return root;
		}
		catch (JacksonException ex) {
			int line = ex.getLocation() == null ? 0 : Math.max(ex.getLocation().getLineNr(), 0);
			throw new BillFormatException(file, line, "not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static Json read(JsonParser parser) {
		JsonToken token = parser.currentToken();
		int line = parser.currentTokenLocation().getLineNr();
		switch (token) {
			case START_OBJECT -> {
				Map<String, Json> members = new LinkedHashMap<>();
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					parser.nextToken();
					members.put(name, read(parser));
				}
				return new Json(Kind.OBJECT, line, null, members, List.of());
			}
			case START_ARRAY -> {
				List<Json> elements = new ArrayList<>();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					elements.add(read(parser));
				}
				return new Json(Kind.ARRAY, line, null, Map.of(), elements);
			}
			case VALUE_STRING -> {
				return scalar(Kind.STRING, line, parser.getString());
			}
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
				return scalar(Kind.NUMBER, line, parser.getString());
			}
			case VALUE_TRUE, VALUE_FALSE -> {
				return scalar(Kind.BOOLEAN, line, parser.getString());
			}
			default -> {
				return scalar(Kind.NULL, line, null);
			}
		}
	}

	private static Json scalar(Kind kind, int line, String text) {
		return new Json(kind, line, text, Map.of(), List.of());
	}

	Kind kind() {
		return kind;
	}

	int line() {
		return line;
	}

	/** The scalar's text as written (a number's digits, a string's content); {@code null} for null or missing. */
	String text() {
		return text;
	}

	boolean isObject() {
		return kind == Kind.OBJECT;
	}

	boolean isArray() {
		return kind == Kind.ARRAY;
	}

	/** Null or absent. */
	boolean isAbsent() {
		return kind == Kind.NULL || kind == Kind.MISSING;
	}

	boolean has(String name) {
		return members.containsKey(name);
	}

	/** The member, or a missing value on this object's line (so that "is missing" names a useful line). */
	Json get(String name) {
		Json member = members.get(name);
		return member != null ? member : new Json(Kind.MISSING, line, null, Map.of(), List.of());
	}

	List<Json> elements() {
		return Collections.unmodifiableList(elements);
	}

	/** The scalar as a message shows it: a string quoted, a number as written. */
	String shown() {
		return switch (kind) {
			case STRING -> "\"" + text + "\"";
			case NUMBER, BOOLEAN -> text;
			case NULL -> "null";
			case MISSING -> "missing";
			case OBJECT -> "an object";
			case ARRAY -> "an array";
		};
	}

}
