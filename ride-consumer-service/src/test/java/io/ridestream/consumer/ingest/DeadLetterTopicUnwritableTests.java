package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.RideStatistics;
import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison message that cannot be parked, because the dead-letter topic rejects it, is neither skipped nor
 * counted: its batch's transaction rolls back, the partition waits, and catches up once the dead-letter topic takes
 * it, with the message parked once however many attempts failed.
 */
@SpringBootTest(properties = { "ridestream.dead-letter.partitions=1", "ridestream.topic.retry-interval=200ms" })
@EmbeddedKafka(partitions = 1, topics = "rides", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DeadLetterTopicUnwritableTests {

	private static final ConfigResource DEAD_LETTER_TOPIC = new ConfigResource(ConfigResource.Type.TOPIC, "rides-dlt");

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Test
	void holdsThePartitionWhileTheDeadLetterTopicRejectsThePoisonAndCatchesUpOnceItTakesIt() throws Exception {
		List<Ride> rides = RidesCsvFigures.rides();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			// A dead letter (with its exception headers) is larger than 100 bytes, so it is rejected as too large, at
			// once and every time; transaction markers are smaller, so the failed transactions can still be aborted.
			setMaxMessageBytes(admin, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100"),
					AlterConfigOp.OpType.SET));
			publish(RideJson.write(rides.get(0)));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.statistics.current().totalRides() == 1);

			publish("not a ride".getBytes(StandardCharsets.UTF_8), RideJson.write(rides.get(1)));
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				RideStatistics stats = this.statistics.current();
				assertThat(stats.totalRides()).as("the ride after the poison waits").isEqualTo(1);
				assertThat(stats.deadLetters()).as("a dead letter counts once parked").isZero();
			});

			setMaxMessageBytes(admin, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
					AlterConfigOp.OpType.DELETE));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				RideStatistics stats = this.statistics.current();
				assertThat(stats.totalRides()).isEqualTo(2);
				assertThat(stats.deadLetters()).isEqualTo(1);
			});
			assertThat(committedDeadLetters()).as("dead letters of the failed attempts are not committed").isEqualTo(1);
		}
	}

	private static void setMaxMessageBytes(Admin admin, AlterConfigOp operation)
			throws ExecutionException, InterruptedException {
		admin.incrementalAlterConfigs(Map.of(DEAD_LETTER_TOPIC, List.of(operation))).all().get();
	}

	/** Counts the records of committed transactions on the dead-letter topic. */
	private int committedDeadLetters() {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "dead-letter-reader", false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		TopicPartition partition = new TopicPartition(DEAD_LETTER_TOPIC.name(), 0);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
				return consumer.position(partition) >= end;
			});
		}
		return records.size();
	}

	private void publish(byte[]... values) throws ExecutionException, InterruptedException {
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			for (byte[] value : values) {
				producer.send(new ProducerRecord<>("rides", 0, "key", value)).get();
			}
		}
	}

}
