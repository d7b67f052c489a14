package io.ridestream.benchmark.streams;

import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RideStatsStreamsTests {

	@Test
	void reportsSelectedMetricsSummedOverClientsAndPerTopic() {
		Map<MetricName, KafkaMetric> metrics = Map.ofEntries(
				metric("commit-total", "stream-thread-metrics", Map.of("thread-id", "a"), 10),
				metric("commit-total", "stream-thread-metrics", Map.of("thread-id", "b"), 5),
				metric("record-send-total", "producer-topic-metrics", Map.of("topic", "app-ride-stats-changelog"), 7),
				metric("incoming-byte-rate", "producer-metrics", Map.of(), 3));

		assertThat(RideStatsStreams.metrics(metrics)).isEqualTo(Map.of("stream-thread-metrics.commit-total", 15.0,
				"producer-topic-metrics.record-send-total[app-ride-stats-changelog]", 7.0));
	}

	private static Map.Entry<MetricName, KafkaMetric> metric(String name, String group, Map<String, String> tags,
			double value) {
		MetricName metricName = new MetricName(name, group, "", tags);
		return Map.entry(metricName,
				new KafkaMetric(new Object(), metricName, (Measurable) (config, now) -> value, new MetricConfig(),
						Time.SYSTEM));
	}

}
