package io.ridestream.consumer.ingest;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.PartitionProgress;
import io.ridestream.consumer.stats.RideStatistics;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
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
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault test 4 of the issue: poison messages among the sample rides on a real (embedded) Kafka topic of three
 * partitions go to the dead-letter topic, once each, with their original bytes, while the statistics stay exact.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "ridestream.topic.name=" + DeadLetterTests.TOPIC)
@AutoConfigureRestTestClient
@EmbeddedKafka(partitions = 3, topics = DeadLetterTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestInstance(Lifecycle.PER_CLASS)
class DeadLetterTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	static final String TOPIC = "poisoned-rides";

	/** Named after the rides topic by default. */
	private static final String DEAD_LETTER_TOPIC = TOPIC + "-dlt";

	private static final int DEAD_LETTER_PARTITIONS = 6;

	private final RidesCsvFigures expected = RidesCsvFigures.compute();

	/** The poison messages injected, by where they are on the rides topic. */
	private final Map<Origin, Poison> poison = new HashMap<>();

	/** Per partition of the rides topic, how many rides and messages were published to it. */
	private final Map<Integer, Long> ridesPublished = new HashMap<>();

	private final Map<Integer, Long> messagesPublished = new HashMap<>();

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private RestTestClient http;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@BeforeAll
	void publishRidesWithPoisonMessagesBetweenThem() throws ExecutionException, InterruptedException {
		List<Ride> rides = RidesCsvFigures.rides();
		Map<Integer, Poison> poisonAfterRide = Map.of(
				10, new Poison("garbage bytes", "not json at all \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1),
						DeserializationException.class),
				100, new Poison("a ride without its fare", jsonWithout(rides.get(0), "fare_amount"),
						DeserializationException.class),
				150, new Poison("a ride with -1 passengers", jsonWithMinusOnePassengers(rides.get(1)),
						DeserializationException.class),
				200, new Poison("a tombstone", null, SerializationException.class),
				201, new Poison("a ride with a wrongly typed vendor",
						"{\"VendorID\":\"one\"}".getBytes(StandardCharsets.UTF_8), DeserializationException.class));
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < rides.size(); i++) {
				int partition = i % 3;
				publish(producer, partition, RideJson.write(rides.get(i)));
				this.ridesPublished.merge(partition, 1L, Long::sum);
				Poison poison = poisonAfterRide.get(i);
				if (poison != null) {
					RecordMetadata where = publish(producer, partition, poison.value());
					this.poison.put(new Origin(where.partition(), where.offset()), poison);
				}
			}
		}
		assertThat(this.poison).hasSize(5);
	}

	@Test
	void countsEveryRideExactlyAndEachPoisonMessageAsOneDeadLetter() {
		RideStatistics stats = awaitCaughtUp();

		this.expected.assertMatches(stats, 10);
		assertThat(stats.totalRides()).isEqualTo(266);
		assertThat(stats.totalAmount()).isEqualTo(new BigDecimal("5685.80"));
		assertThat(stats.deadLetters()).isEqualTo(this.poison.size());
	}

	@Test
	void readsOnPastEachPoisonMessage() {
		RideStatistics stats = awaitCaughtUp();

		assertThat(stats.partitions()).containsExactly(progressOf(0), progressOf(1), progressOf(2));
	}

	@Test
	void parksEachPoisonMessageOnTheDeadLetterTopicWithItsOriginalBytesAndWhereItCameFrom() {
		awaitCaughtUp();

		List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetterTopic();

		assertThat(deadLetters).hasSize(this.poison.size());
		for (ConsumerRecord<String, byte[]> deadLetter : deadLetters) {
			int partition = ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt();
			long offset = ByteBuffer.wrap(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong();
			Poison poison = this.poison.get(new Origin(partition, offset));
			assertThat(poison).as("the poison message at %s-%d@%d", TOPIC, partition, offset).isNotNull();
			assertThat(deadLetter.partition()).as(poison.name()).isEqualTo(partition);
			assertThat(deadLetter.value()).as(poison.name()).isEqualTo(poison.value());
			assertThat(deadLetter.key()).as(poison.name()).isEqualTo("key-" + partition);
			assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
			assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).as(poison.name())
				.isEqualTo(poison.exception().getName());
			assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).as(poison.name()).isNotBlank();
		}
	}

	@Test
	void createsTheDeadLetterTopicWithEnoughPartitionsAndUnlimitedRetention() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			TopicDescription description = admin.describeTopics(List.of(DEAD_LETTER_TOPIC))
				.allTopicNames()
				.get()
				.get(DEAD_LETTER_TOPIC);
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, DEAD_LETTER_TOPIC);
			Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

			assertThat(description.partitions()).hasSize(DEAD_LETTER_PARTITIONS);
			assertThat(config.get("retention.ms").value()).isEqualTo("-1");
		}
	}

	@Test
	void publishesTheDeadLetterCountAsAMetricAndOnStats() {
		awaitCaughtUp();

		assertThat(this.meters.get("ridestream.rides.dead.letters").functionCounter().count())
			.isEqualTo(this.poison.size());
		JsonNode json = JsonMapper.shared()
			.readTree(this.http.get().uri("/stats").exchange().expectBody(String.class).returnResult().getResponseBody());
		assertThat(json.get("deadLetters").asLong()).isEqualTo(this.poison.size());
		assertThat(json.get("totalAmount").asString()).isEqualTo("5685.80");
	}

	@Test
	void doesNotPublishDeadLettersAgainAfterARestart() {
		awaitCaughtUp();
		MessageListenerContainer container = this.listeners.getListenerContainer(RideListener.ID);

		container.stop();
		assertThat(stats().deadLetters()).as("served from the changelog while stopped").isEqualTo(this.poison.size());
		container.start();

		RideStatistics stats = awaitCaughtUp();
		assertThat(stats.deadLetters()).isEqualTo(this.poison.size());
		assertThat(stats.totalRides()).isEqualTo(266);
		assertThat(readDeadLetterTopic()).hasSize(this.poison.size());
	}

	private RideStatistics awaitCaughtUp() {
		await().atMost(PATIENCE).untilAsserted(() -> {
			RideStatistics stats = stats();
			assertThat(stats.partitions()).containsExactly(progressOf(0), progressOf(1), progressOf(2));
			assertThat(stats.deadLetters()).isEqualTo(this.poison.size());
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

	private List<ConsumerRecord<String, byte[]>> readDeadLetterTopic() {
		return CommittedRecords.of(this.broker, DEAD_LETTER_TOPIC, PATIENCE);
	}

	private static byte[] header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as(name).isNotNull();
		return header.value();
	}

	private static String text(ConsumerRecord<?, ?> record, String name) {
		return new String(header(record, name), StandardCharsets.UTF_8);
	}

	private static byte[] jsonWithout(Ride ride, String field) {
		String json = new String(RideJson.write(ride), StandardCharsets.UTF_8);
		String without = json.replaceFirst("\"" + field + "\":[^,]*,", "");
		assertThat(without).doesNotContain(field);
		return without.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] jsonWithMinusOnePassengers(Ride ride) {
		String json = new String(RideJson.write(ride), StandardCharsets.UTF_8);
		String broken = json.replaceFirst("\"passenger_count\":\\d+", "\"passenger_count\":-1");
		assertThat(broken).contains("\"passenger_count\":-1");
		return broken.getBytes(StandardCharsets.UTF_8);
	}

	private RecordMetadata publish(Producer<String, byte[]> producer, int partition, byte[] value)
			throws ExecutionException, InterruptedException {
		RecordMetadata where = producer.send(new ProducerRecord<>(TOPIC, partition, "key-" + partition, value)).get();
		this.messagesPublished.merge(partition, 1L, Long::sum);
		return where;
	}

	/** Where a message is on the rides topic. */
	private record Origin(int partition, long offset) {
	}

	private record Poison(String name, byte[] value, Class<? extends Exception> exception) {
	}

}
