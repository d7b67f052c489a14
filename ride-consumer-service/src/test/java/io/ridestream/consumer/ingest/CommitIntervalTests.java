package io.ridestream.consumer.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.SnapshotJson;
import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * Counts are committed once a commit interval, not once a poll: the batches of one interval become one changelog
 * transaction. Each test uses its own partition of a real (embedded) broker.
 */
@SpringBootTest(properties = { "ridestream.topic.name=" + CommitIntervalTests.TOPIC,
		"ridestream.changelog.commit-interval=2s", "spring.kafka.consumer.max-poll-records=10",
		"spring.kafka.listener.concurrency=1" })
@EmbeddedKafka(partitions = 2, topics = CommitIntervalTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class CommitIntervalTests {

	static final String TOPIC = "interval-rides";

	private static final String CHANGELOG = TOPIC + "-stats";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** Long before now: their record timestamps are pickup times, not send times. */
	private static final long LAST_YEAR = Instant.now().minus(Duration.ofDays(365)).toEpochMilli();

	private static final List<Ride> RIDES = RidesCsvFigures.rides();

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Autowired
	private MeterRegistry meters;

	@Test
	void commitsTheBatchesOfOneIntervalInOneTransaction() throws Exception {
		publish(0, RIDES.subList(0, 100), LAST_YEAR);

		await().atMost(PATIENCE).until(() -> ridesOf(0) == 100);

		// Ten polls of ten rides each; committed per poll, they made ten snapshots of the partition.
		assertThat(changelogRecords().stream().filter((record) -> SnapshotJson.key(0).equals(record.key())))
			.hasSize(1);
	}

	@Test
	void timesRecentRidesFromTheirRecordTimestampToTheCommitThatCountsThem() throws Exception {
		long sent = System.currentTimeMillis();
		publish(1, RIDES.subList(0, 5), sent);
		publish(1, RIDES.subList(5, 8), LAST_YEAR);

		await().atMost(PATIENCE).until(() -> ridesOf(1) == 8);

		Timer latency = this.meters.get("ridestream.rides.latency").timer();
		assertThat(latency.count()).isEqualTo(5);
		assertThat(latency.max(TimeUnit.MILLISECONDS))
			.isLessThanOrEqualTo(System.currentTimeMillis() - sent);
	}

	private long ridesOf(int partition) {
		return this.statistics.snapshot(partition).map((snapshot) -> snapshot.aggregate().rides()).orElse(0L);
	}

	private void publish(int partition, List<Ride> rides, long timestamp)
			throws ExecutionException, InterruptedException {
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			for (Ride ride : rides) {
				producer.send(new ProducerRecord<>(TOPIC, partition, timestamp, null, RideJson.write(ride)));
			}
			producer.flush();
		}
	}

	private List<ConsumerRecord<String, byte[]>> changelogRecords() {
		return CommittedRecords.of(this.broker, CHANGELOG, PATIENCE);
	}

}
