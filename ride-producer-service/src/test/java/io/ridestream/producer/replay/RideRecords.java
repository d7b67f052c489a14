package io.ridestream.producer.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.ridestream.model.Ride;
import io.ridestream.serde.RideDeserializer;
import io.ridestream.serde.RideHeaders;

import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.awaitility.Awaitility.await;

/**
 * Reads back from the rides topic what one replay published, as a read_committed consumer sees it: the records
 * of committed transactions only.
 */
final class RideRecords {

	private RideRecords() {
	}

	/** Every record on the topic now that carries this replay's id, read from the start to the end of the log. */
	static List<ConsumerRecord<String, Ride>> of(EmbeddedKafkaBroker broker, String topic, String replayId) {
		return of(broker.getBrokersAsString(), topic, replayId);
	}

	/**
	 * The records of a finished replay, once all it published are visible: a commit returns before the coordinator
	 * has written its markers, and until then read_committed readers stop short of the committed records.
	 */
	static List<ConsumerRecord<String, Ride>> published(EmbeddedKafkaBroker broker, String topic, ReplayJobView job) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> of(broker, topic, job.id()), (records) -> records.size() >= job.published());
	}

	/** The same, from the brokers at this address. */
	static List<ConsumerRecord<String, Ride>> of(String bootstrapServers, String topic, String replayId) {
		return of(bootstrapServers, topic, replayId, new RideDeserializer());
	}

	/** The same, as the bytes on the wire. */
	static List<ConsumerRecord<String, byte[]>> raw(EmbeddedKafkaBroker broker, String topic, String replayId) {
		return of(broker.getBrokersAsString(), topic, replayId, new ByteArrayDeserializer());
	}

	private static <V> List<ConsumerRecord<String, V>> of(String bootstrapServers, String topic, String replayId,
			Deserializer<V> values) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + replayId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (Consumer<String, V> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, V>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
				consumer.poll(Duration.ofMillis(100))
					.forEach((record) -> {
						if (replayId.equals(header(record, RideHeaders.REPLAY_ID))) {
							records.add(record);
						}
					});
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
			});
			return records;
		}
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	static long sentAt(ConsumerRecord<?, ?> record) {
		return Long.parseLong(header(record, RideHeaders.SENT_AT));
	}

	static long sourceLine(ConsumerRecord<?, ?> record) {
		return Long.parseLong(header(record, RideHeaders.SOURCE_LINE));
	}

}
