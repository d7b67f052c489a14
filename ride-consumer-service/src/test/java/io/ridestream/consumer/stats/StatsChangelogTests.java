package io.ridestream.consumer.stats;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which records of a poll of the statistics changelog are read; applying them is in {@link StatisticsServiceTests}.
 */
class StatsChangelogTests {

	private static final String TOPIC = "rides-stats";

	@Test
	void readsOnlyTheLastRecordOfEachKeyOfAChangelogPartitionInTheOrderRead() {
		Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> polled = new LinkedHashMap<>();
		polled.put(new TopicPartition(TOPIC, 0), List.of(record(0, 10, "0", "snapshot 1"),
				record(0, 11, "0/TUMBLING/2020-07-01T00:00", "window 1"), record(0, 12, "0", "snapshot 2"),
				record(0, 13, "0/TUMBLING/2020-07-01T00:10", "window 2"), record(0, 14, "0", "snapshot 3")));
		// The same key in another changelog partition (a record misplaced by an earlier version) is another record.
		polled.put(new TopicPartition(TOPIC, 1), List.of(record(1, 3, "0", "misplaced")));

		List<ConsumerRecord<String, byte[]>> read = StatsChangelog.latestOfEachKey(new ConsumerRecords<>(polled, Map.of()));

		assertThat(read).extracting((record) -> new String(record.value(), StandardCharsets.UTF_8))
			.containsExactly("window 1", "window 2", "snapshot 3", "misplaced");
	}

	private static ConsumerRecord<String, byte[]> record(int partition, long offset, String key, String value) {
		return new ConsumerRecord<>(TOPIC, partition, offset, key, value.getBytes(StandardCharsets.UTF_8));
	}

}
