package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ridestream.serde.RideHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The lag of each partition, measured by a real consumer reading a real (embedded) broker: in records, and in seconds
 * since the last ride counted was sent.
 */
@EmbeddedKafka(partitions = 2, topics = { PartitionLagTests.TOPIC, PartitionLagTests.CAUGHT_UP_TOPIC,
		PartitionLagTests.NO_SEND_TIME_TOPIC })
class PartitionLagTests {

	static final String TOPIC = "lagging-rides";

	static final String CAUGHT_UP_TOPIC = "caught-up-rides";

	static final String NO_SEND_TIME_TOPIC = "rides-without-send-time";

	private final MeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void measuresTheRecordsLeftAndHowLongAgoTheLastCountedRideWasSent(EmbeddedKafkaBroker broker) {
		long sentAt = System.currentTimeMillis() - 30_000;
		publish(broker, TOPIC, 0, 100, sentAt);
		PartitionLag lag = new PartitionLag(this.meters, TOPIC);

		try (KafkaConsumer<String, String> consumer = consumer(broker, TOPIC, 10)) {
			List<ConsumerRecord<String, String>> batch = pollSome(consumer);
			lag.counted(batch);
			lag.measure(consumer);

			assertThat(recordsLag(0)).isEqualTo(100 - batch.size());
			assertThat(secondsLag(0)).isCloseTo(30, within(10.0));
		}
	}

	@Test
	void isZeroOnceEveryRecordIsCounted(EmbeddedKafkaBroker broker) {
		publish(broker, CAUGHT_UP_TOPIC, 1, 5, System.currentTimeMillis() - 30_000);
		PartitionLag lag = new PartitionLag(this.meters, CAUGHT_UP_TOPIC);

		try (KafkaConsumer<String, String> consumer = consumer(broker, CAUGHT_UP_TOPIC, 500)) {
			List<ConsumerRecord<String, String>> counted = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
				consumer.poll(Duration.ofMillis(100)).forEach(counted::add);
				return counted.size() == 5;
			});
			lag.counted(counted);
			lag.measure(consumer);

			assertThat(recordsLag(1)).isZero();
			assertThat(secondsLag(1)).isZero();
			assertThat(recordsLag(0)).as("the empty partition has nothing to count").isZero();
		}
	}

	@Test
	void doesNotGuessTheSecondsOfRidesWithoutASendTimeStampedWithOldPickupTimes(EmbeddedKafkaBroker broker) {
		publish(broker, NO_SEND_TIME_TOPIC, 0, 100, -1);
		PartitionLag lag = new PartitionLag(this.meters, NO_SEND_TIME_TOPIC);

		try (KafkaConsumer<String, String> consumer = consumer(broker, NO_SEND_TIME_TOPIC, 10)) {
			lag.counted(pollSome(consumer));
			lag.measure(consumer);

			assertThat(recordsLag(0)).isPositive();
			assertThat(secondsLag(0)).isNaN();
		}
	}

	@Test
	void stopsPublishingThePartitionsThatAreTakenAway(EmbeddedKafkaBroker broker) {
		publish(broker, TOPIC, 1, 3, System.currentTimeMillis());
		PartitionLag lag = new PartitionLag(this.meters, TOPIC);
		try (KafkaConsumer<String, String> consumer = consumer(broker, TOPIC, 10)) {
			lag.counted(pollSome(consumer));
			lag.measure(consumer);
		}
		assertThat(this.meters.find("ridestream.consumer.lag.records").gauges()).hasSize(2);

		lag.forget(List.of(0));

		assertThat(this.meters.find("ridestream.consumer.lag.records").gauges())
			.extracting((gauge) -> gauge.getId().getTag("partition"))
			.containsExactly("1");
		assertThat(this.meters.find("ridestream.consumer.lag.seconds").gauges()).hasSize(1);
	}

	private double recordsLag(int partition) {
		return this.meters.get("ridestream.consumer.lag.records").tag("partition", Integer.toString(partition)).gauge()
			.value();
	}

	private double secondsLag(int partition) {
		return this.meters.get("ridestream.consumer.lag.seconds").tag("partition", Integer.toString(partition)).gauge()
			.value();
	}

	/** Rides stamped with a pickup time of 2020, and with the given send time in a header unless it is -1. */
	private static void publish(EmbeddedKafkaBroker broker, String topic, int partition, int count, long sentAt) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new StringSerializer())) {
			for (int i = 0; i < count; i++) {
				ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, 1_593_561_600_000L + i,
						"key", "ride " + i);
				if (sentAt >= 0) {
					record.headers()
						.add(new RecordHeader(RideHeaders.SENT_AT, Long.toString(sentAt).getBytes(StandardCharsets.UTF_8)));
				}
				producer.send(record);
			}
		}
	}

	private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker, String topic, int maxPollRecords) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return consumer;
	}

	private static List<ConsumerRecord<String, String>> pollSome(KafkaConsumer<String, String> consumer) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
			consumer.poll(Duration.ofMillis(100)).forEach(records::add);
			return !records.isEmpty();
		});
		return records;
	}

}
