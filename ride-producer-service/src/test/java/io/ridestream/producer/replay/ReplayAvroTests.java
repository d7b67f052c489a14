package io.ridestream.producer.replay;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import io.ridestream.model.Ride;
import io.ridestream.serde.RideDeserializer;
import io.ridestream.serde.avro.RideAvro;
import io.ridestream.serde.avro.RideAvroSchema;
import io.ridestream.serde.registry.FakeSchemaRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays with {@code ridestream.format=avro}: the ride's Avro schema is registered as Avro, and every ride goes out
 * as Avro binary in Confluent's Avro framing, which the consumer's deserializer reads back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ridestream.format=avro")
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayAvroTests {

	static final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	@Autowired
	private RestTestClient client;

	@Autowired
	private EmbeddedKafkaBroker broker;

	private ReplayApi replays;

	@DynamicPropertySource
	static void schemaRegistry(DynamicPropertyRegistry properties) {
		properties.add("spring.kafka.producer.properties.schema.registry.url", registry::url);
	}

	@AfterAll
	static void stopRegistry() {
		registry.close();
	}

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void registersTheRidesAvroSchemaAndFramesEveryRideAsAvro() {
		ReplayJobView job = this.replays.uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), ride("2020-07-01 00:00:01")));
		int schemaId = registry.register("rides-value", "AVRO", RideAvroSchema.json());

		List<ConsumerRecord<String, byte[]>> records = RideRecords.raw(this.broker, "rides", job.id());

		assertThat(job.published()).isEqualTo(2);
		assertThat(registry.schemas("rides-value")).containsExactly(RideAvroSchema.json());
		assertThat(records).hasSize(2).allSatisfy((record) -> {
			ByteBuffer value = ByteBuffer.wrap(record.value());
			assertThat(value.get()).isZero();
			assertThat(value.getInt()).isEqualTo(schemaId);
			Ride ride = RideAvro.read(RideAvroSchema.schema(), record.value(), 5, record.value().length - 5);
			assertThat(ride.pickupTime().getYear()).isEqualTo(2020);
		});
	}

	@Test
	void writesRidesTheConsumersDeserializerReadsAsTheReplayedRides() {
		ReplayJobView job = this.replays.uploadAndWait("", csv(ride("2020-07-01 00:00:07")));
		RideDeserializer deserializer = new RideDeserializer();
		deserializer.configure(Map.of("schema.registry.url", registry.url()), false);

		List<ConsumerRecord<String, byte[]>> records = RideRecords.raw(this.broker, "rides", job.id());

		assertThat(records).singleElement()
			.satisfies((record) -> assertThat(deserializer.deserialize("rides", record.value()).pickupTime())
				.hasToString("2020-07-01T00:00:07"));
	}

	@Test
	void rejectsARideThatBreaksTheRideSchemasRulesWithItsLine() {
		String negativePassengers = ride("2020-07-01 00:00:01").replaceFirst(",1,1.50,", ",-1,1.50,");

		ReplayJobView job = this.replays.uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), negativePassengers, ride("2020-07-01 00:00:02")));

		assertThat(job.published()).isEqualTo(2);
		assertThat(job.rejectedRows()).singleElement().satisfies((row) -> {
			assertThat(row.line()).isEqualTo(3);
			assertThat(row.reason()).contains("passenger_count");
		});
	}

}
