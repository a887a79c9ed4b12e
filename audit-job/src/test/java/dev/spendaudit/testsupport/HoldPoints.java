package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.ParamType;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Where a test can hold a running audit, to kill it there or to act while it waits ({@value TestHooks#HOLD_AT}).
 * The point is {@code STEP:before} or {@code STEP:after} (a step boundary: after the step's work, before it is
 * recorded COMPLETED), {@code readDay:mid} (inside the day's rollup: its key × model rows inserted, the transaction
 * not committed) or {@code sendDigest:accepted} (the SMTP server took the message; the SENT record is not written).
 * At the point the process creates {@code held-at} in the hold folder and waits until {@code release} appears.
 */
final class HoldPoints {

	private final String point;

	private final Path dir;

	HoldPoints(String point, Path dir) {
		this.point = point;
		this.dir = dir;
	}

	/** Adds the step-boundary listener to every step as it is made. */
	BeanPostProcessor steps() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractStep step) {
					step.registerStepExecutionListener(boundaries());
				}
				return bean;
			}
		};
	}

	private StepExecutionListener boundaries() {
		return new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution execution) {
				holdIf(execution.getStepName() + ":before");
			}

			@Override
			public org.springframework.batch.core.ExitStatus afterStep(StepExecution execution) {
				holdIf(execution.getStepName() + ":after");
				return null;
			}
		};
	}

	/** Holds inside a step, on the store's statements: mid-rollup and between SMTP acceptance and SENT. */
	DefaultExecuteListenerProvider statements() {
		return new DefaultExecuteListenerProvider(new ExecuteListener() {
			@Override
			public void executeStart(ExecuteContext ctx) {
				String sql = inlined(ctx);
				if (sql.startsWith("update") && sql.contains("\"sent_digest\"") && sql.contains("'sent'")) {
					holdIf("sendDigest:accepted");
				}
			}

			@Override
			public void executeEnd(ExecuteContext ctx) {
				StepContext step = StepSynchronizationManager.getContext();
				String sql = inlined(ctx);
				if (step != null && sql.startsWith("insert into") && sql.contains("\"key_model_day\"")) {
					holdIf(step.getStepName() + ":mid");
				}
			}
		});
	}

	private static String inlined(ExecuteContext ctx) {
		String sql = ctx.query() != null ? ctx.query().getSQL(ParamType.INLINED) : ctx.sql();
		return sql == null ? "" : sql.toLowerCase(Locale.ROOT);
	}

	private void holdIf(String here) {
		if (!point.equals(here)) {
			return;
		}
		try {
			Path released = dir.resolve("release");
			if (Files.exists(released)) {
				return;
			}
			Files.createFile(dir.resolve("held-at"));
			while (!Files.exists(released)) {
				// waiting on the test's file: it kills this process, or releases it once it has done its part
				Thread.sleep(20);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
