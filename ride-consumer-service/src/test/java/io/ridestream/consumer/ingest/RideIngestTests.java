package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.PartitionProgress;
import io.ridestream.consumer.stats.RideStatistics;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import io.ridestream.serde.RideSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads the sample rides, with poison messages between them, from a real (embedded) Kafka topic of three
 * partitions, and checks what {@code /stats} says against figures worked out independently.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(partitions = 3, topics = "rides", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestInstance(Lifecycle.PER_CLASS)
class RideIngestTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final int TOP = 10;

	private final RidesCsvFigures expected = RidesCsvFigures.compute();

	/** Per partition, how many rides and messages of each kind were published to it. */
	private final Map<Integer, Long> ridesPublished = new HashMap<>();

	private final Map<Integer, Long> messagesPublished = new HashMap<>();

	private long poisonPublished;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private RestTestClient http;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@BeforeAll
	void publishRidesWithPoisonMessagesBetweenThem() throws ExecutionException, InterruptedException {
		List<Ride> rides = RidesCsvFigures.rides();
		byte[] missingFare = RideJson.write(rides.get(0));
		String withoutFare = new String(missingFare, StandardCharsets.UTF_8).replaceFirst("\"fare_amount\":[^,]*,", "");
		Map<String, Object> producerProps = KafkaTestUtils.producerProps(this.broker);
		try (Producer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
				new ByteArraySerializer())) {
			RideSerializer serializer = new RideSerializer();
			publishPoison(producer, 0, "not json at all \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1));
			for (int i = 0; i < rides.size(); i++) {
				int partition = i % 3;
				publish(producer, partition, serializer.serialize("rides", rides.get(i)));
				this.ridesPublished.merge(partition, 1L, Long::sum);
				if (i == 100) {
					publishPoison(producer, 1, withoutFare.getBytes(StandardCharsets.UTF_8));
				}
				if (i == 150) {
					publishPoison(producer, 0, "{\"VendorID\":\"one\"}".getBytes(StandardCharsets.UTF_8));
				}
			}
			publishPoison(producer, 2, null);
		}
		assertThat(withoutFare).doesNotContain("fare_amount");
	}

	@Test
	void countsEveryRideOnTheTopicExactly() {
		RideStatistics stats = awaitCaughtUp();

		this.expected.assertMatches(stats, TOP);
	}

	@Test
	void skipsPoisonMessagesCountsThemAndReadsOnPastThem() {
		RideStatistics stats = awaitCaughtUp();

		assertThat(stats.deadLetters()).isEqualTo(this.poisonPublished).isEqualTo(4);
		assertThat(stats.totalRides()).isEqualTo(266);
	}

	@Test
	void reportsProgressOfEachPartition() {
		RideStatistics stats = awaitCaughtUp();

		assertThat(stats.partitions()).containsExactly(progressOf(0), progressOf(1), progressOf(2));
	}

	@Test
	void keepsTheSameStatisticsWhenTheListenerStopsAndStartsAgain() {
		awaitCaughtUp();
		MessageListenerContainer container = this.listeners.getListenerContainer(RideListener.ID);

		container.stop();
		this.expected.assertMatches(stats(), TOP);
		container.start();

		RideStatistics stats = awaitCaughtUp();
		this.expected.assertMatches(stats, TOP);
		assertThat(stats.deadLetters()).isEqualTo(4);
	}

	@Test
	void isReadyOnceTheStatisticsChangelogIsRead() {
		await().atMost(PATIENCE)
			.untilAsserted(() -> this.http.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP"));
	}

	@Test
	void servesAmountsAndTimesAsStringsInJson() {
		awaitCaughtUp();

		JsonNode json = JsonMapper.shared()
			.readTree(this.http.get().uri("/stats").exchange().expectBody(String.class).returnResult().getResponseBody());

		assertThat(json.get("totalAmount").isString()).isTrue();
		assertThat(json.get("totalAmount").asString()).isEqualTo("5685.80");
		assertThat(json.get("totalFare").asString()).isEqualTo("4315.60");
		assertThat(json.get("totalTips").asString()).isEqualTo("414.21");
		assertThat(json.get("averageTripDistance").asString()).isEqualTo("4.28");
		assertThat(json.get("firstPickup").asString()).isEqualTo("2020-06-30T18:11:01");
		assertThat(json.get("ridesByVendor").get("2").asLong()).isEqualTo(179);
		assertThat(json.get("topPickupLocations").get(0).toString())
			.isEqualTo("{\"locationId\":137,\"count\":19,\"borough\":\"Manhattan\",\"zone\":\"Kips Bay\"}");
	}

	private RideStatistics awaitCaughtUp() {
		await().atMost(PATIENCE).untilAsserted(() -> {
			RideStatistics stats = stats();
			assertThat(stats.partitions()).containsExactly(progressOf(0), progressOf(1), progressOf(2));
			assertThat(stats.totalRides()).isEqualTo(this.expected.rides);
		});
		return stats();
	}

	private PartitionProgress progressOf(int partition) {
		return new PartitionProgress(partition, this.ridesPublished.get(partition),
				this.messagesPublished.get(partition) - 1);
	}

	private RideStatistics stats() {
		return this.http.get()
			.uri("/stats")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(RideStatistics.class)
			.returnResult()
			.getResponseBody();
	}

	private void publishPoison(Producer<String, byte[]> producer, int partition, byte[] value)
			throws ExecutionException, InterruptedException {
		publish(producer, partition, value);
		this.poisonPublished++;
	}

	private void publish(Producer<String, byte[]> producer, int partition, byte[] value)
			throws ExecutionException, InterruptedException {
		producer.send(new ProducerRecord<>("rides", partition, "key-" + partition, value)).get();
		this.messagesPublished.merge(partition, 1L, Long::sum);
	}

}
