package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.windows.WindowsProperties;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
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
 * Records of the statistics changelog that this version cannot read (written by hand, by another version, or
 * broken) are logged, counted and skipped, and records not in the changelog partition of their rides partition are
 * ignored: the reader goes on, and {@code /stats} keeps moving.
 */
@SpringBootTest(properties = "ridestream.topic.name=" + UnreadableChangelogRecordTests.TOPIC)
@EmbeddedKafka(partitions = 1, topics = UnreadableChangelogRecordTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class UnreadableChangelogRecordTests {

	static final String TOPIC = "rides-beside-odd-state";

	private static final String CHANGELOG = TOPIC + "-stats";

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Autowired
	private StatsChangelog changelog;

	@Autowired
	private WindowsProperties windows;

	@Autowired
	private MeterRegistry meters;

	@Test
	void skipsChangelogRecordsItCannotReadOrThatAreNotInTheirPartitionsChangelogPartitionAndKeepsServingNewRides() {
		List<Ride> rides = RidesCsvFigures.rides();
		await().atMost(Duration.ofSeconds(30)).until(this.changelog::loaded);
		WindowSpec tumbling = this.windows.specs().get(0);
		WindowedCounts.WindowState misaligned = new WindowedCounts.WindowState(
				LocalDateTime.parse("2020-07-01T00:03:00"), 1, BigDecimal.ONE, 1, 0, new long[] { 1, 1 },
				new long[] { 2, 1 });
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(CHANGELOG, 0, "0/TUMBLING/2020-07-01T00:03",
					SnapshotJson.writeWindow(0, tumbling, misaligned)));
			producer.send(new ProducerRecord<>(CHANGELOG, 0, "0", "{\"format\":2}".getBytes(StandardCharsets.UTF_8)));
			producer.send(new ProducerRecord<>(CHANGELOG, 0, "0/HOPPING/2020-07-01T00:05",
					"[1,2,3]".getBytes(StandardCharsets.UTF_8)));
			// Written by an earlier build, which spread a partition's records by key hash: read in no particular
			// order with the records of partition 0, it could undo them.
			RideAggregate stale = new RideAggregate();
			rides.forEach(stale::add);
			producer.send(new ProducerRecord<>(CHANGELOG, 3, "0",
					SnapshotJson.write(new PartitionSnapshot(0, rides.size() - 1, stale))));
			producer.send(new ProducerRecord<>(TOPIC, 0, null, RideJson.write(rides.get(0))));
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> this.statistics.current().totalRides() == 1);
		assertThat(this.meters.get("ridestream.changelog.records.skipped").functionCounter().count()).isEqualTo(3);
		assertThat(this.statistics.current().totalRides()).isEqualTo(1);
		assertThat(this.statistics.windows(WindowSpec.Kind.TUMBLING).window(LocalDateTime.parse("2020-07-01T00:00")))
			.as("no window from the misaligned record")
			.isNull();
	}

}
