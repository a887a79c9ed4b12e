package dev.spendaudit.prune;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Spring Batch's records of old runs: the job instances (days, reruns) whose every execution was created before a
 * cutoff and has ended, with their executions, parameters, contexts and steps. Plain SQL over the job repository's
 * tables ({@code sql/audit/V1__spring_batch_metadata.sql}, prefix {@code BATCH_}, in the store's schema, which is
 * the connection's search path).
 */
final class JobRuns {

	/** Instances with an execution that has not ended are kept: one may be running now, even this very one. */
	private static final String OLD_INSTANCES = """
			select i.job_instance_id from batch_job_instance i
			 where exists (select 1 from batch_job_execution e where e.job_instance_id = i.job_instance_id)
			   and not exists (select 1 from batch_job_execution e where e.job_instance_id = i.job_instance_id
			                    and (e.create_time >= {0} or e.end_time is null))""";

	private final DSLContext dsl;

	JobRuns(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** What went: instances, executions, step executions, and the audit days they were runs of. */
	record Removed(int instances, int executions, int steps, LocalDate firstDay, LocalDate lastDay) {
	}

	/**
	 * Removes the runs created before {@code cutoff}, all in one transaction.
	 *
	 * @param cutoff in the JVM's default zone: Spring Batch stamps its rows with the local wall-clock
	 */
	Removed removeBefore(LocalDateTime cutoff) {
		return dsl.transactionResult(tx -> {
			DSLContext db = tx.dsl();
			Long[] instances = db.fetch(OLD_INSTANCES, cutoff).getValues(0, Long.class).toArray(Long[]::new);
			if (instances.length == 0) {
				return new Removed(0, 0, 0, null, null);
			}
			Long[] executions = db.fetch("select job_execution_id from batch_job_execution"
					+ " where job_instance_id = any({0})", (Object) instances).getValues(0, Long.class)
				.toArray(Long[]::new);
			Record days = db.fetchOne("select min(parameter_value), max(parameter_value) from batch_job_execution_params"
					+ " where job_execution_id = any({0}) and parameter_name = 'auditDate'", (Object) executions);
			db.execute("delete from batch_step_execution_context where step_execution_id in (select step_execution_id"
					+ " from batch_step_execution where job_execution_id = any({0}))", (Object) executions);
			int steps = db.execute("delete from batch_step_execution where job_execution_id = any({0})",
					(Object) executions);
			for (String table : List.of("batch_job_execution_context", "batch_job_execution_params")) {
				db.execute("delete from " + table + " where job_execution_id = any({0})", (Object) executions);
			}
			int runs = db.execute("delete from batch_job_execution where job_execution_id = any({0})",
					(Object) executions);
			int removed = db.execute("delete from batch_job_instance where job_instance_id = any({0})",
					(Object) instances);
			return new Removed(removed, runs, steps, date(days.get(0, String.class)), date(days.get(1, String.class)));
		});
	}

	private static LocalDate date(String value) {
		return value == null ? null : LocalDate.parse(value);
	}

}
