package dev.spendaudit.doctor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A JDBC URL and its credentials, as the job would use them; {@link #toString()} never shows the password.
 */
public record DatabaseLogin(String url, String username, String password) {

	/** Connect and query timeouts: a doctor that hangs on a dead server helps nobody. */
	static final int TIMEOUT_SECONDS = 10;

	/** One connection, read only, that gives up after {@value #TIMEOUT_SECONDS} s and caps each statement. */
	Connection open() throws SQLException {
		Connection connection = DriverManager.getConnection(url, properties());
		try (Statement st = connection.createStatement()) {
			st.execute("set statement_timeout = '60s'");
		}
		connection.setReadOnly(true);
		return connection;
	}

	/** The same settings as a {@link DataSource} (Flyway wants one), a new connection each time. */
	DataSource dataSource() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
		dataSource.setConnectionProperties(properties());
		return dataSource;
	}

	private Properties properties() {
		Properties props = new Properties();
		if (username != null) {
			props.setProperty("user", username);
		}
		if (password != null) {
			props.setProperty("password", password);
		}
		props.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
		props.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
		props.setProperty("ApplicationName", "spend-audit doctor");
		return props;
	}

	/** The driver's reason in one line (its first), for a FAIL. */
	static String reason(SQLException ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return message.lines().findFirst().orElse(message).strip();
	}

	/** {@code jdbc:postgresql://host/db as role}, with any password in the URL masked. */
	String describe(Secrets secrets) {
		return secrets.maskUrl(url) + (username == null ? "" : " as " + username);
	}

	@Override
	public String toString() {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1****") + (username == null ? "" : " as " + username);
	}

}
