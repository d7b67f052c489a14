package io.ridestream.consumer.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.LocationCount;
import io.ridestream.consumer.stats.RideStatistics;
import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * Another producer writes rides with 150,000 distinct pickup and drop-off location ids, and a thousand vendor and
 * payment codes, to one partition: the partition's state stays small whatever the ids, so its transactions keep
 * committing and every ride is counted.
 */
@SpringBootTest(properties = { "ridestream.topic.name=" + DistinctIdsTests.TOPIC, "ridestream.changelog.partitions=1" })
@EmbeddedKafka(partitions = 1, topics = DistinctIdsTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DistinctIdsTests {

	static final String TOPIC = "rides-of-unheard-of-places";

	private static final int DISTINCT_IDS = 150_000;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Test
	void countsRidesWith150000DistinctLocationIdsInBoundedState() {
		List<Ride> sample = RidesCsvFigures.rides();
		long started = System.nanoTime();
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < DISTINCT_IDS; i++) {
				Ride ride = withIds(sample.get(i % sample.size()), 1 + i % 1000, 1_000 + i, 1_000_000 + i);
				producer.send(new ProducerRecord<>(TOPIC, 0, null, RideJson.write(ride)));
			}
			sample.forEach((ride) -> producer.send(new ProducerRecord<>(TOPIC, 0, null, RideJson.write(ride))));
		}

		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.statistics.current().totalRides() == DISTINCT_IDS + sample.size());
		System.out.printf("%,d rides with distinct ids published and counted in %,d ms%n", DISTINCT_IDS + sample.size(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());

		RideStatistics stats = this.statistics.current();
		assertThat(stats.topPickupLocations().get(0)).isEqualTo(new LocationCount(0, DISTINCT_IDS, "Unknown",
				"Not in the taxi zone table"));
		assertThat(stats.ridesByVendor()).hasSizeLessThanOrEqualTo(33).containsEntry("other", (long) (1000 - 32) * 150);
		int largest = largestChangelogRecord();
		System.out.printf("largest changelog record: %,d bytes%n", largest);
		assertThat(largest).isLessThan(100_000);
	}

	private int largestChangelogRecord() {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker, "changelog-sizes", false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		TopicPartition changelog = new TopicPartition(TOPIC + "-stats", 0);
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(changelog));
			consumer.seekToBeginning(List.of(changelog));
			long end = consumer.endOffsets(List.of(changelog)).get(changelog);
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
				return consumer.position(changelog) >= end;
			});
		}
		return records.stream().filter((record) -> record.value() != null).mapToInt((record) -> record.value().length)
			.max()
			.orElse(0);
	}

	private static Ride withIds(Ride ride, int vendor, int pickupLocation, int dropoffLocation) {
		return new Ride(vendor, ride.pickupTime(), ride.dropoffTime(), ride.passengerCount(), ride.tripDistance(),
				ride.rateCodeId(), ride.storeAndForwardFlag(), pickupLocation, dropoffLocation, 1 + vendor % 7 * 100,
				ride.fareAmount(), ride.extra(), ride.mtaTax(), ride.tipAmount(), ride.tollsAmount(),
				ride.improvementSurcharge(), ride.totalAmount(), ride.congestionSurcharge());
	}

}
