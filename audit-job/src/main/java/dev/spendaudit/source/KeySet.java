package dev.spendaudit.source;

import org.jooq.Condition;
import org.jooq.Field;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.unnest;

/**
 * "The column is one of these keys", as a semi-join on the unnested array. {@code column = ANY(array)} compares
 * every row with every element: a day with 10,000 one-off keys made that 150 million comparisons of 64-character
 * hashes (two minutes for one lookup), where the join hashes the keys once.
 */
final class KeySet {

	private KeySet() {
	}

	static Condition among(Field<String> column, String[] keys) {
		return column.in(select(field(name("keys", "key"), String.class)).from(unnest(keys).as("keys", "key")));
	}

}
