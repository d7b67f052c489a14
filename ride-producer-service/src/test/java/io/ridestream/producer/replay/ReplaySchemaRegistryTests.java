package io.ridestream.producer.replay;

import java.nio.ByteBuffer;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ridestream.serde.RideSchema;
import io.ridestream.serde.registry.FakeSchemaRegistry;

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
 * Replays with a schema registry configured: the ride schema is registered once, and every ride goes out in
 * Confluent's JSON Schema framing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplaySchemaRegistryTests {

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
	void registersTheRideSchemaOnceUnderTheTopicsValueSubject() {
		ReplayJobView job = this.replays.uploadAndWait("", csv(ride("2020-07-01 00:00:00"),
				ride("2020-07-01 00:00:01"), ride("2020-07-01 00:00:02"), ride("2020-07-01 00:00:03")));

		assertThat(job.published()).isEqualTo(4);
		assertThat(registry.count("POST", "/subjects/rides-value/versions")).isEqualTo(1);
		assertThat(registry.schemas("rides-value")).containsExactly(RideSchema.json());
	}

	@Test
	void framesEveryRideWithMagicByteAndTheRegisteredSchemaId() {
		ReplayJobView job = this.replays.uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), ride("2020-07-01 00:00:01")));
		int schemaId = registry.register("rides-value", RideSchema.json());

		List<ConsumerRecord<String, byte[]>> records = RideRecords.raw(this.broker, "rides", job.id());

		assertThat(records).hasSize(2).allSatisfy((record) -> {
			ByteBuffer value = ByteBuffer.wrap(record.value());
			assertThat(value.get()).isZero();
			assertThat(value.getInt()).isEqualTo(schemaId);
			assertThat((char) value.get()).isEqualTo('{');
		});
	}

	@Test
	void rejectsARideThatBreaksTheSchemaWithItsLineAndPublishesTheRest() {
		String negativePassengers = ride("2020-07-01 00:00:01").replaceFirst(",1,1.50,", ",-1,1.50,");

		ReplayJobView job = this.replays.uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), negativePassengers, ride("2020-07-01 00:00:02")));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(2);
		assertThat(job.rejected()).isEqualTo(1);
		assertThat(job.rejectedRows()).singleElement().satisfies((row) -> {
			assertThat(row.line()).isEqualTo(3);
			assertThat(row.reason()).contains("passenger_count");
		});
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed());
	}

	@Test
	void commitsTheRidesAroundARideThatBreaksTheSchemaInTheSameTransaction() {
		String negativePassengers = ride("2020-07-01 00:00:01").replaceFirst(",1,1.50,", ",-1,1.50,");

		ReplayJobView job = this.replays.uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), negativePassengers, ride("2020-07-01 00:00:02")));

		// The serializer throws before the record joins the transaction, so the transaction goes on and commits.
		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(RideRecords.raw(this.broker, "rides", job.id())).map(RideRecords::sourceLine)
			.containsExactlyInAnyOrder(2L, 4L);
	}

}
