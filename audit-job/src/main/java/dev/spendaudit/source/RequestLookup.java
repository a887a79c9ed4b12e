package dev.spendaudit.source;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

/**
 * Spend-log rows by primary key ({@code request_id}), a chunk of ids per statement: the bounded lookup with which a
 * per-request bill is checked request by request, never a scan of a day.
 */
final class RequestLookup {

	/** Ids per statement: one index probe each, and a statement of a bounded size. */
	static final int CHUNK = 1_000;

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	private final DSLContext dsl;

	private final DaySpendScan scan;

	private final SourceCapabilities capabilities;

	RequestLookup(DSLContext dsl, SourceCapabilities capabilities, DaySpendScan scan) {
		this.dsl = dsl;
		this.capabilities = capabilities;
		this.scan = scan;
	}

	Map<String, LoggedRequest> byId(Collection<String> requestIds) {
		List<String> ids = new ArrayList<>(requestIds);
		Map<String, LoggedRequest> found = new HashMap<>();
		Field<BigDecimal> usd = when(scan.counted(), S.SPEND.cast(SQLDataType.NUMERIC)).otherwise(inline(BigDecimal.ZERO));
		Field<String> provider = capabilities.hasSpendLogColumn("custom_llm_provider")
				? coalesce(S.CUSTOM_LLM_PROVIDER, inline("")) : inline("");
		Field<Integer> prompt = coalesce(S.PROMPT_TOKENS, inline(0));
		Field<Integer> completion = coalesce(S.COMPLETION_TOKENS, inline(0));
		for (int from = 0; from < ids.size(); from += CHUNK) {
			String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
			dsl.select(S.REQUEST_ID, scan.modelName(), provider, usd, prompt, completion)
				.from(S)
				.where(S.REQUEST_ID.eq(any(chunk)))
				.forEach(r -> found.put(r.value1(), new LoggedRequest(r.value1(), r.value2(), r.value3(),
						r.value4() == null ? BigDecimal.ZERO : r.value4(), r.value5(), r.value6())));
		}
		return found;
	}

}
