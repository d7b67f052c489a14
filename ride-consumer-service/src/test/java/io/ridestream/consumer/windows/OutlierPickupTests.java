package io.ridestream.consumer.windows;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.ridestream.consumer.RideCopies;
import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.RideStatistics;
import io.ridestream.consumer.stats.StatisticsService;
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
 * A ride picked up decades away from the others, written to the topic by another producer (with a record
 * timestamp the broker accepts), is counted in the totals but kept out of the windows, so it cannot wipe them.
 */
@SpringBootTest(properties = "ridestream.topic.name=" + OutlierPickupTests.TOPIC)
@EmbeddedKafka(partitions = 3, topics = OutlierPickupTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutlierPickupTests {

	static final String TOPIC = "outlier-rides";

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Test
	void ridesPickedUpIn2088And2002AreCountedButKeptOutOfTheWindowsOfTheOthers() {
		List<Ride> rides = RidesCsvFigures.rides();
		Ride future = RideCopies.pickedUpAt(rides.get(0), LocalDateTime.parse("2088-07-01T10:00:00"));
		Ride past = RideCopies.pickedUpAt(rides.get(1), LocalDateTime.parse("2002-01-01T03:00:00"));
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			// The 2002 ride is the first of its partition; the 2088 ride comes after the sample on another.
			producer.send(new ProducerRecord<>(TOPIC, 2, null, RideJson.write(past)));
			for (int i = 0; i < rides.size(); i++) {
				producer.send(new ProducerRecord<>(TOPIC, i % 3, null, RideJson.write(rides.get(i))));
			}
			producer.send(new ProducerRecord<>(TOPIC, 0, null, RideJson.write(future)));
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.statistics.current().totalRides() == rides.size() + 2);

		RideStatistics stats = this.statistics.current();
		assertThat(stats.ridesOutsideWindows()).isEqualTo(Map.of("hopping", 2L, "tumbling", 2L));
		WindowedCounts tumbling = this.statistics.windows(WindowSpec.Kind.TUMBLING);
		long inWindows = tumbling.windows(null, null, Integer.MAX_VALUE)
			.stream()
			.mapToLong(WindowFigures::rides)
			.sum();
		assertThat(inWindows + stats.lateRides().get("tumbling")).as("every sample ride in a window or late")
			.isEqualTo(rides.size());
		assertThat(inWindows).isPositive();
		assertThat(tumbling.streamTime()).isBefore(LocalDateTime.parse("2020-07-02T00:00:00"));
	}

}
