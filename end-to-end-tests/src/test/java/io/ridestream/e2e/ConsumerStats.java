package io.ridestream.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the consumer service shows, compared with what the rides topic and the producer's jobs hold.
 */
final class ConsumerStats {

	private ConsumerStats() {
	}

	static JsonNode of(ServiceProcess consumer) {
		return Http.get(consumer.url("/stats")).json();
	}

	/**
	 * Waits until the consumer shows a total and has read every partition of the rides topic up to its last
	 * record, then checks the total again, so a total that would overshoot (rides counted twice) cannot pass
	 * unseen.
	 */
	static JsonNode awaitTotalRides(ServiceProcess consumer, String brokers, long expected) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> of(consumer).get("totalRides").asLong() == expected);
		Map<Integer, Long> last = lastRecordOffsets(brokers);
		JsonNode stats = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> of(consumer), (now) -> lastOffsets(now).equals(last));
		assertThat(stats.get("totalRides").asLong()).isEqualTo(expected);
		return stats;
	}

	/** Every ride the producer's jobs say Kafka acknowledged: what the consumer must count. */
	static long publishedByAllJobs(ServiceProcess producer) {
		long published = 0;
		for (JsonNode job : Http.get(producer.url("/rides/replay")).json()) {
			assertThat(job.get("state").asString()).isNotEqualTo("RUNNING");
			published += job.get("published").asLong();
		}
		return published;
	}

	private static Map<Integer, Long> lastOffsets(JsonNode stats) {
		Map<Integer, Long> offsets = new HashMap<>();
		stats.get("partitions").forEach((p) -> {
			if (!p.get("lastOffset").isNull()) {
				offsets.put(p.get("partition").asInt(), p.get("lastOffset").asLong());
			}
		});
		return offsets;
	}

	/**
	 * The offset of the last record of each partition that a read_committed consumer sees: the end offset is no
	 * use, as transaction markers and aborted records sit before it.
	 */
	private static Map<Integer, Long> lastRecordOffsets(String brokers) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = reader.partitionsFor("rides")
				.stream()
				.map((info) -> new TopicPartition("rides", info.partition()))
				.toList();
			reader.assign(partitions);
			reader.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
			Map<Integer, Long> last = new HashMap<>();
			await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
				reader.poll(Duration.ofMillis(200)).forEach((record) -> last.put(record.partition(), record.offset()));
				return partitions.stream().allMatch((partition) -> reader.position(partition) >= ends.get(partition));
			});
			return last;
		}
	}

}
