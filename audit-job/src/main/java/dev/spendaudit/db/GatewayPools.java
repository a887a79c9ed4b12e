package dev.spendaudit.db;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.spendaudit.source.SourceGateways.Unreachable;
import dev.spendaudit.source.SourceUnavailableException;

/**
 * One read-only pool per gateway, opened at start-up. With one gateway a failure stops the run as it always did;
 * with several, a gateway that cannot be opened is set aside with its reason and the others are audited, unless
 * none can be opened.
 */
final class GatewayPools implements AutoCloseable {

	/** A gateway's pool, opened. */
	record Pool(String name, DatabaseEndpoints.Endpoint endpoint, HikariDataSource dataSource) {
	}

	/** A gateway to open: its name, where it is, and the setting that says so (for the error line). */
	record Target(String name, DatabaseEndpoints.Endpoint endpoint, String setting) {
	}

	interface Opener {

		HikariDataSource open(Target target);

	}

	private final List<Pool> open;

	private final List<Unreachable> failed;

	private GatewayPools(List<Pool> open, List<Unreachable> failed) {
		this.open = List.copyOf(open);
		this.failed = List.copyOf(failed);
	}

	static GatewayPools open(List<Target> targets, Opener opener) {
		List<Pool> open = new ArrayList<>();
		List<Unreachable> failed = new ArrayList<>();
		SourceUnavailableException first = null;
		for (Target t : targets) {
			try {
				open.add(new Pool(t.name(), t.endpoint(), opener.open(t)));
			}
			catch (SourceUnavailableException ex) {
				if (targets.size() == 1) {
					throw ex;
				}
				first = first == null ? ex : first;
				failed.add(new Unreachable(t.name(), ex.getMessage()));
			}
		}
		if (open.isEmpty()) {
			throw first;
		}
		return new GatewayPools(open, failed);
	}

	List<Pool> open() {
		return open;
	}

	List<Unreachable> failed() {
		return failed;
	}

	Pool primary() {
		return open.get(0);
	}

	@Override
	public void close() {
		open.forEach(p -> p.dataSource().close());
	}

}
