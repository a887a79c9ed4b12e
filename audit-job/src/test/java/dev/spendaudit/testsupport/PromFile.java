package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;

/**
 * A Prometheus textfile read back with a Prometheus text-format parser (Hawkular's), by metric family.
 */
public final class PromFile {

	private final Map<String, MetricFamily> families;

	private PromFile(Map<String, MetricFamily> families) {
		this.families = families;
	}

	public static PromFile read(Path file) {
		Map<String, MetricFamily> families = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(file)) {
			TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(in);
			for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
				families.put(family.getName(), family);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot parse " + file + ": " + ex.getMessage(), ex);
		}
		return new PromFile(families);
	}

	public Map<String, MetricFamily> families() {
		return families;
	}

	public MetricFamily family(String name) {
		MetricFamily family = families.get(name);
		if (family == null) {
			throw new AssertionError("no metric " + name + " in " + families.keySet());
		}
		return family;
	}

	/** The value of an unlabelled gauge. */
	public double value(String name) {
		return value(name, Map.of());
	}

	/** The value of the gauge sample with exactly these labels. */
	public double value(String name, Map<String, String> labels) {
		for (Metric metric : family(name).getMetrics()) {
			if (metric.getLabels().equals(labels)) {
				return ((Gauge) metric).getValue();
			}
		}
		throw new AssertionError("no sample " + name + labels + " in " + family(name).getMetrics());
	}

}
