package io.ridestream.e2e;

import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.ridestream.model.Ride;
import io.ridestream.read.BundledRides;
import io.ridestream.serde.RideSchema;
import io.ridestream.serde.avro.RideAvroSchema;
import io.ridestream.serde.avro.RideAvroSerializer;
import io.ridestream.serde.registry.FakeSchemaRegistry;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services pointed at a schema registry (a fake that speaks the registry's REST protocol): rides go out in
 * Confluent's JSON Schema framing and come back in exactly, rides another producer writes in Confluent's Avro framing
 * are counted as exactly, and a framed ride that breaks the schema is a poison message, not a ride.
 */
@EmbeddedKafka
class SchemaRegistryIT {

	static FakeSchemaRegistry registry;

	static String brokers;

	static Services services;

	static ServiceProcess producer;

	static ServiceProcess consumer;

	@BeforeAll
	static void startServices(EmbeddedKafkaBroker broker) {
		registry = FakeSchemaRegistry.start();
		brokers = broker.getBrokersAsString();
		services = Services.start(brokers, Map.of("SCHEMA_REGISTRY_URL", registry.url()));
		producer = services.producer();
		consumer = services.consumer();
	}

	@AfterAll
	static void stopServices() {
		if (services != null) {
			services.close();
		}
		registry.close();
	}

	@Test
	void replayRegistersTheSchemaOnceAndTheConsumerCountsEveryRide() {
		long expected = RidesCsvFigures.of(RidesCsvFigures.BUNDLED).rides();

		JsonNode job = Http.post(producer.url("/rides/replay?wait=true"), null, BodyPublishers.noBody()).json();

		assertThat(job.get("published").asLong()).isEqualTo(expected);
		assertThat(registry.count("POST", "/subjects/rides-value/versions")).isEqualTo(1);
		int schemaId = registry.register("rides-value", RideSchema.json());
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(stats().get("totalRides").asLong()).isEqualTo(expected));
		assertThat(registry.count("GET", "/schemas/ids/" + schemaId)).isBetween(1L, 3L);
	}

	@Test
	void consumerSendsAFramedRideThatBreaksTheSchemaToTheDeadLetterTopic() {
		int schemaId = registry.register("rides-value", RideSchema.json());
		String badRide = "{\"VendorID\":1,\"tpep_pickup_datetime\":\"2020-07-01T00:25:32\","
				+ "\"tpep_dropoff_datetime\":\"2020-07-01T00:33:39\",\"passenger_count\":-1,\"trip_distance\":1.50,"
				+ "\"RatecodeID\":1,\"store_and_fwd_flag\":\"N\",\"PULocationID\":238,\"DOLocationID\":75,"
				+ "\"payment_type\":2,\"fare_amount\":8,\"extra\":0.5,\"mta_tax\":0.5,\"tip_amount\":0,"
				+ "\"tolls_amount\":0,\"improvement_surcharge\":0.3,\"total_amount\":9.3,\"congestion_surcharge\":0}";
		long deadLettersBefore = stats().get("deadLetters").asLong();

		send(confluentFramed(schemaId, badRide));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stats().get("deadLetters").asLong()).isEqualTo(deadLettersBefore + 1));
	}

	@Test
	void consumerCountsRidesWrittenInAvroExactlyAsThoseInJson() throws Exception {
		RidesCsvFigures figures = RidesCsvFigures.of(RidesCsvFigures.BUNDLED);
		JsonNode before = stats();
		// A subject takes a schema of another type only with compatibility NONE, as when producers move to Avro.
		// Registered beforehand, so that this producer only looks its id up (the other tests count registrations).
		registry.setCompatibility("rides-value", "NONE");
		registry.register("rides-value", "AVRO", RideAvroSchema.json());
		RideAvroSerializer avro = new RideAvroSerializer();
		avro.configure(Map.of("schema.registry.url", registry.url(), "auto.register.schemas", "false"), false);
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		try (KafkaProducer<String, Ride> kafka = new KafkaProducer<>(config, new StringSerializer(), avro)) {
			for (Ride ride : BundledRides.read()) {
				kafka.send(new ProducerRecord<>("rides", String.valueOf(ride.pickupLocationId()), ride));
			}
			kafka.flush();
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(stats().get("totalRides").asLong())
				.isEqualTo(before.get("totalRides").asLong() + figures.rides()));
		assertThat(new BigDecimal(stats().get("totalAmount").asString()))
			.isEqualByComparingTo(new BigDecimal(before.get("totalAmount").asString()).add(figures.totalAmount()));
		assertThat(stats().get("deadLetters").asLong()).isEqualTo(before.get("deadLetters").asLong());
	}

	private static byte[] confluentFramed(int schemaId, String json) {
		byte[] payload = json.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(schemaId).put(payload).array();
	}

	private static void send(byte[] value) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		try (KafkaProducer<byte[], byte[]> kafka = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			kafka.send(new ProducerRecord<>("rides", value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode stats() {
		return Http.get(consumer.url("/stats")).json();
	}

}
