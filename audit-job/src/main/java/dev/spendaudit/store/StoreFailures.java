package dev.spendaudit.store;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells the job's own store being unusable from other failures. The source's failures arrive already coded (exit
 * 4), so a database error of this kind left in a failed day is the store's: it went away or dropped the session,
 * refused a login or a grant, is out of room (disk, memory, connections) or read-only. Any other database error
 * (a constraint, a trigger's own exception, a bug) stays a failed day (exit 1).
 */
public final class StoreFailures {

	/** SQLSTATE classes: connection, insufficient resources, operator intervention, system (I/O), login. */
	private static final Set<String> CLASSES = Set.of("08", "53", "57", "58", "28");

	/** Single SQLSTATEs: a grant missing, a read-only transaction, no such database. */
	private static final Set<String> STATES = Set.of("42501", "25006", "3D000");

	private StoreFailures() {
	}

	public static boolean isStoreFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
				return true;
			}
			if (t instanceof SQLException sql) {
				for (SQLException e = sql; e != null; e = e.getNextException()) {
					String state = e.getSQLState();
					if (state != null && (STATES.contains(state) || CLASSES.contains(state.substring(0, 2)))) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
