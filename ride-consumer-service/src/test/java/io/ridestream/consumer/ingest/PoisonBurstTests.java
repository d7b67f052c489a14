package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
 * A burst of garbage on one partition is parked on the dead-letter topic within seconds, and the rides behind it
 * are counted: no transaction outlives the broker's transaction timeout however many dead letters a batch holds.
 */
@SpringBootTest(properties = { "ridestream.topic.name=" + PoisonBurstTests.TOPIC, "ridestream.dead-letter.partitions=1" })
@EmbeddedKafka(partitions = 1, topics = PoisonBurstTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PoisonBurstTests {

	static final String TOPIC = "garbage-rides";

	private static final int POISON_MESSAGES = 5_000;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private StatisticsService statistics;

	@Test
	void parksFiveThousandPoisonMessagesInARowWithinSecondsAndCountsTheRidesBehindThem() {
		List<Ride> rides = RidesCsvFigures.rides();
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < POISON_MESSAGES; i++) {
				producer.send(new ProducerRecord<>(TOPIC, 0, null, ("garbage " + i).getBytes(StandardCharsets.UTF_8)));
			}
			rides.forEach((ride) -> producer.send(new ProducerRecord<>(TOPIC, 0, null, RideJson.write(ride))));
		}
		long started = System.nanoTime();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			RideStatistics stats = this.statistics.current();
			assertThat(stats.deadLetters()).isEqualTo(POISON_MESSAGES);
			assertThat(stats.totalRides()).isEqualTo(rides.size());
		});
		System.out.printf("%,d poison messages parked and %d rides counted in %,d ms%n", POISON_MESSAGES, rides.size(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		assertThat(this.statistics.current().totalAmount()).isEqualByComparingTo(RidesCsvFigures.compute().totalAmount);
	}

}
