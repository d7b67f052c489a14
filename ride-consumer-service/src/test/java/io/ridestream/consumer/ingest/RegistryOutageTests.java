package io.ridestream.consumer.ingest;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.consumer.stats.RideStatistics;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideJson;
import io.ridestream.serde.RideSchema;
import io.ridestream.serde.WireFormat;
import io.ridestream.serde.registry.FakeSchemaRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A schema registry that fails for a while (5xx, unreachable, credentials refused) says nothing about the rides
 * whose schema it was asked for: they are read again once it answers, every one counted, none dead-lettered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ridestream.topic.name=" + RegistryOutageTests.TOPIC, "ridestream.dead-letter.partitions=1",
				"ridestream.topic.retry-interval=100ms", "spring.kafka.consumer.properties.max.retries=0" })
@AutoConfigureRestTestClient
@EmbeddedKafka(partitions = 1, topics = RegistryOutageTests.TOPIC,
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RegistryOutageTests {

	static final String TOPIC = "rides-while-the-registry-fails";

	private static final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private RestTestClient http;

	@DynamicPropertySource
	static void registry(DynamicPropertyRegistry properties) {
		properties.add("spring.kafka.consumer.properties.schema.registry.url", registry::url);
	}

	@AfterAll
	static void stopRegistry() {
		registry.close();
	}

	@Test
	void countsEveryRideOnceTheRegistryAnswersAgainAndDeadLettersNone() throws Exception {
		int id = registry.register(TOPIC + "-value", RideSchema.json());
		List<Ride> rides = RidesCsvFigures.rides().subList(0, 50);
		registry.failNext(8, 503, null);
		try (Producer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(this.broker),
				new StringSerializer(), new ByteArraySerializer())) {
			for (Ride ride : rides) {
				producer.send(new ProducerRecord<>(TOPIC, 0, null, WireFormat.frame(id, RideJson.write(ride))));
			}
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			RideStatistics stats = stats();
			assertThat(stats.totalRides()).isEqualTo(rides.size());
			assertThat(stats.deadLetters()).isZero();
		});
		assertThat(registry.count("GET", "/schemas/ids/" + id)).as("asked again after each failure")
			.isGreaterThan(8);
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

}
