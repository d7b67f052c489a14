package io.ridestream.serde;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.ridestream.serde.avro.RideAvro;
import io.ridestream.serde.avro.RideAvroSchema;
import io.ridestream.serde.registry.FakeSchemaRegistry;
import io.ridestream.serde.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.ridestream.model.Ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RideDeserializerTest {

	private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	private final RideDeserializer deserializer = new RideDeserializer();

	@AfterEach
	void closeRegistry() {
		this.registry.close();
	}

	@Test
	void readsAHandBuiltConfluentFramedMessage() {
		int id = this.registry.register("rides-value", RideSchema.json());
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		Ride ride = this.deserializer.deserialize("rides", framed(id, RideJsonTest.DOCUMENTED_JSON));

		assertThat(ride).isEqualTo(RideJsonTest.RIDE);
		assertThat(this.registry.count("GET", "/schemas/ids/" + id)).isOne();
	}

	@Test
	void readsAFramedMessageWhereItLiesInTheBytesOfAFetch() {
		int id = this.registry.register("rides-value", RideSchema.json());
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);
		byte[] message = framed(id, RideJsonTest.DOCUMENTED_JSON);
		// Other records' bytes before and after, as in a fetched batch: the record from byte 7, of a slice from 2.
		ByteBuffer fetch = ByteBuffer.allocate(message.length + 20).put(new byte[7]).put(message).put(new byte[13]);
		ByteBuffer record = fetch.slice(2, message.length + 18).position(5).limit(5 + message.length);

		Ride ride = this.deserializer.deserialize("rides", new RecordHeaders(), record);

		assertThat(ride).isEqualTo(RideJsonTest.RIDE);
		assertThat(record.position()).isEqualTo(5);
		assertThat(this.registry.count("GET", "/schemas/ids/" + id)).isOne();
	}

	@Test
	void readsPlainJsonWithoutARegistry() {
		this.deserializer.configure(Map.of(), false);

		assertThat(this.deserializer.deserialize("rides", RideJsonTest.DOCUMENTED_JSON.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(RideJsonTest.RIDE);
	}

	@Test
	void readsPlainJsonWithoutAskingTheRegistry() {
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThat(this.deserializer.deserialize("rides", RideJsonTest.DOCUMENTED_JSON.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(RideJsonTest.RIDE);
		assertThat(this.registry.requests()).isEmpty();
	}

	@Test
	void readsAFramedMessageWithoutARegistryAgainstTheLocalSchema() {
		this.deserializer.configure(Map.of(), false);

		assertThat(this.deserializer.deserialize("rides", framed(42, RideJsonTest.DOCUMENTED_JSON)))
			.isEqualTo(RideJsonTest.RIDE);
		assertThatExceptionOfType(InvalidRideException.class).isThrownBy(() -> this.deserializer.deserialize("rides",
				framed(42, RideJsonTest.DOCUMENTED_JSON.replace("\"passenger_count\":1", "\"passenger_count\":-1"))));
	}

	@Test
	void rejectsPlainJsonThatViolatesTheSchema() {
		this.deserializer.configure(Map.of(), false);
		String json = RideJsonTest.DOCUMENTED_JSON.replace("\"PULocationID\":238", "\"PULocationID\":0");

		assertThatExceptionOfType(InvalidRideException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", json.getBytes(StandardCharsets.UTF_8)))
			.withMessage("Ride does not match its JSON Schema: PULocationID: must have a minimum value of 1 (was 0)");
	}

	@Test
	void rejectsAFramedMessageWithoutARequiredField() {
		int id = this.registry.register("rides-value", RideSchema.json());
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);
		String json = RideJsonTest.DOCUMENTED_JSON.replace("\"tpep_pickup_datetime\":\"2020-07-01T00:25:32\",", "");

		assertThatExceptionOfType(InvalidRideException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", framed(id, json)))
			.withMessage("Ride does not match its JSON Schema: required property 'tpep_pickup_datetime' not found");
	}

	@Test
	void listsEveryViolationOnOneLine() {
		this.deserializer.configure(Map.of(), false);
		String json = RideJsonTest.DOCUMENTED_JSON.replace("\"store_and_fwd_flag\":\"N\"", "\"store_and_fwd_flag\":\"X\"")
			.replace("\"tpep_pickup_datetime\":\"2020-07-01T00:25:32\"", "\"tpep_pickup_datetime\":\"07/01/2020\"");

		assertThatExceptionOfType(InvalidRideException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", json.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.violations()).containsExactlyInAnyOrder(
					"tpep_pickup_datetime: does not match the regex pattern " + RideSchema.LOCAL_DATE_TIME_PATTERN
							+ " (was \"07/01/2020\")",
					"store_and_fwd_flag: does not have a value in the enumeration [\"Y\", \"N\", null] (was \"X\")"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

	@Test
	void validatesAgainstTheSchemaTheRideWasWrittenWith() {
		String writerSchema = RideSchema.json().replace("\"minimum\" : 0", "\"minimum\" : 2");
		int id = this.registry.register("rides-value", writerSchema);
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThatExceptionOfType(InvalidRideException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", framed(id, RideJsonTest.DOCUMENTED_JSON)))
			.withMessageContaining("passenger_count: must have a minimum value of 2 (was 1)");
	}

	@Test
	void readsARideThatViolatesTheSchemaWhenValidationIsTurnedOff() {
		this.deserializer.configure(Map.of("json.fail.invalid.schema", false), false);
		String json = RideJsonTest.DOCUMENTED_JSON.replace("\"passenger_count\":1", "\"passenger_count\":-1");

		assertThat(this.deserializer.deserialize("rides", json.getBytes(StandardCharsets.UTF_8)).passengerCount())
			.isEqualTo(-1);
	}

	@Test
	void rejectsBytesThatAreNotJsonAsNotARide() {
		this.deserializer.configure(Map.of(), false);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", "not json".getBytes(StandardCharsets.UTF_8)))
			.isNotInstanceOf(InvalidRideException.class)
			.withMessageStartingWith("Not a valid ride: not JSON");
	}

	@Test
	void rejectsAMessageTooShortForTheHeader() {
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", new byte[] { 0, 0, 1 }))
			.withMessage("Not a valid ride: 3 bytes, too short for the 5-byte header of a schema registry message");
	}

	@Test
	void rejectsASchemaIdTheRegistryDoesNotKnow() {
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", framed(99, RideJsonTest.DOCUMENTED_JSON)))
			.withMessage("Schema registry at " + this.registry.url()
					+ " has no schema with id 99 (read from a record of subject rides-value)");
	}

	@Test
	void readsAMessageWhoseSchemaIdNamesAnAvroSchemaAsAvro() {
		int id = this.registry.register("rides-value", "AVRO", RideAvroSchema.json());
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThat(this.deserializer.deserialize("rides", WireFormat.frame(id, RideAvro.write(RideJsonTest.RIDE))))
			.usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(RideJsonTest.RIDE);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", framed(id, RideJsonTest.DOCUMENTED_JSON)))
			.withMessageStartingWith("Not a valid ride: not Avro binary");
	}

	@Test
	void rejectsASchemaIdOfAProtobufSchema() {
		int id = this.registry.register("rides-value", "PROTOBUF", "syntax = \"proto3\"; message Ride {}");
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.deserializer.deserialize("rides", framed(id, RideJsonTest.DOCUMENTED_JSON)))
			.withMessageContaining("holds a PROTOBUF schema, which Ride Stream does not read");
	}

	@Test
	void readsNullAsNull() {
		this.deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThat(this.deserializer.deserialize("rides", null)).isNull();
	}

	/** A message as Confluent's serializer writes it, built byte by byte. */
	static byte[] framed(int schemaId, String json) {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		message.write(0);
		message.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
		message.writeBytes(json.getBytes(StandardCharsets.UTF_8));
		return message.toByteArray();
	}

}
