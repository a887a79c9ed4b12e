package dev.spendaudit.source;

import java.util.function.Function;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A statement run on one connection of the source's pool with {@code work_mem} raised and JIT off, both reset
 * afterwards, so that the pooled connection goes back as it came. On a connection the statement already lost, the
 * statement's failure is the one reported.
 */
final class SessionSettings {

	private final DSLContext dsl;

	private final String workMem;

	SessionSettings(DSLContext dsl, String workMem) {
		this.dsl = dsl;
		this.workMem = workMem;
	}

	<T> T run(Function<DSLContext, T> statement) {
		return dsl.connectionResult(c -> {
			// the source's own configuration on that one connection: its failures are the source's (exit 4)
			DSLContext one = DSL.using(dsl.configuration().derive(c));
			one.execute("set work_mem = '" + workMem + "'");
			one.execute("set jit = off");
			RuntimeException failed = null;
			try {
				return statement.apply(one);
			}
			catch (RuntimeException ex) {
				failed = ex;
				throw ex;
			}
			finally {
				reset(one, failed);
			}
		});
	}

	private static void reset(DSLContext one, RuntimeException failed) {
		try {
			one.execute("reset work_mem");
			one.execute("reset jit");
		}
		catch (RuntimeException ex) {
			if (failed == null) {
				throw ex;
			}
			failed.addSuppressed(ex);
		}
	}

}
