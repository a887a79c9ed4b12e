package dev.spendaudit.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import dev.spendaudit.store.StoreUnavailableException;

/**
 * One PostgreSQL session-level advisory lock per day, held on its own connection while the day runs or is rolled up
 * as history, so a timer-started run, a manual rerun and another run's history step never write the same day at
 * once. The lock dies with the process (a killed one too: PostgreSQL ends its session).
 */
public class DayLocks {

	/** Namespace for the lock keys: "sa" in ASCII. */
	private static final int NAMESPACE = 0x7361;

	/** PostgreSQL's {@code lock_not_available}: what {@code lock_timeout} raises. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final DataSource dataSource;

	private final Duration wait;

	public DayLocks(DataSource dataSource, Duration wait) {
		this.dataSource = dataSource;
		this.wait = wait;
	}

	/**
	 * Takes the day's lock, waiting up to {@code spend-audit.lock-wait} for a process that holds it.
	 * @throws DayLockedException when another process still holds it
	 * @throws StoreUnavailableException when the store cannot be asked
	 */
	public Lock lock(LocalDate date) {
		if (wait.isZero()) {
			return tryLock(date).orElseThrow(() -> new DayLockedException(date, wait));
		}
		try {
			Connection connection = dataSource.getConnection();
			try (Statement timeout = connection.createStatement();
					PreparedStatement st = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
				// the server does the waiting: lock_timeout bounds the wait for an advisory lock as for any other
				timeout.execute("set lock_timeout = " + Math.max(1, wait.toMillis()));
				st.setInt(1, NAMESPACE);
				st.setInt(2, (int) date.toEpochDay());
				st.execute();
				timeout.execute("reset lock_timeout");
				return new Lock(connection, date);
			}
			catch (SQLException ex) {
				release(connection);
				if (LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
					throw new DayLockedException(date, wait);
				}
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new StoreUnavailableException("cannot lock " + date + " in the store database: " + ex.getMessage(), ex);
		}
	}

	/** Back to the pool without the wait the next borrower did not ask for. */
	private static void release(Connection connection) {
		try (connection; Statement st = connection.createStatement()) {
			st.execute("reset lock_timeout");
		}
		catch (SQLException ex) {
			// a connection that cannot be reset is broken anyway; closing it is all there is to do
		}
	}

	/**
	 * Locks the day, or returns empty when another process holds its lock (it is auditing that day right now).
	 * @throws StoreUnavailableException when the store cannot be asked
	 */
	public Optional<Lock> tryLock(LocalDate date) {
		try {
			Connection connection = dataSource.getConnection();
			try (PreparedStatement st = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
				st.setInt(1, NAMESPACE);
				st.setInt(2, (int) date.toEpochDay());
				try (ResultSet rs = st.executeQuery()) {
					rs.next();
					if (!rs.getBoolean(1)) {
						connection.close();
						return Optional.empty();
					}
				}
			}
			return Optional.of(new Lock(connection, date));
		}
		catch (SQLException ex) {
			throw new StoreUnavailableException("cannot lock " + date + " in the store database: " + ex.getMessage(), ex);
		}
	}

	/** A held day lock; closing it releases the lock and its connection. */
	public static final class Lock implements AutoCloseable {

		private final Connection connection;

		private final LocalDate date;

		Lock(Connection connection, LocalDate date) {
			this.connection = connection;
			this.date = date;
		}

		@Override
		public void close() {
			try (connection; PreparedStatement st = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
				st.setInt(1, NAMESPACE);
				st.setInt(2, (int) date.toEpochDay());
				st.execute();
			}
			catch (SQLException ex) {
				// closing the connection ends the session, which releases the lock anyway
			}
		}

	}

}
