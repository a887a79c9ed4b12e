package dev.spendaudit.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import dev.spendaudit.store.StoreUnavailableException;

/**
 * One PostgreSQL session-level advisory lock per day, held on its own connection while the day runs or is rolled up
 * as history, so a timer-started run, a manual rerun and another run's history step never write the same day at
 * once. The lock dies with the process.
 */
public class DayLocks {

	/** Namespace for the lock keys: "sa" in ASCII. */
	private static final int NAMESPACE = 0x7361;

	private final DataSource dataSource;

	public DayLocks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the day's lock.
	 * @throws DayLockedException when another process holds it
	 * @throws StoreUnavailableException when the store cannot be asked
	 */
	public Lock lock(LocalDate date) {
		return tryLock(date).orElseThrow(() -> new DayLockedException(date));
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
