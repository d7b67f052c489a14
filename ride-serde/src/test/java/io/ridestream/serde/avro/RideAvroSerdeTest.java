package io.ridestream.serde.avro;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ridestream.model.Ride;
import io.ridestream.read.BundledRides;
import io.ridestream.serde.InvalidRideException;
import io.ridestream.serde.JsonSchemaDeserializer;
import io.ridestream.serde.RideDeserializer;
import io.ridestream.serde.RideSchema;
import io.ridestream.serde.RideSerializer;
import io.ridestream.serde.registry.FakeSchemaRegistry;
import io.ridestream.serde.registry.SchemaRegistryException;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Rides in Confluent's Avro wire format, against a registry that speaks Confluent's REST protocol over HTTP. */
class RideAvroSerdeTest {

	private static final Ride RIDE = BundledRides.read().get(0);

	private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	@AfterEach
	void closeRegistry() {
		this.registry.close();
	}

	@Test
	void registersTheAvroSchemaWithoutATypeAsConfluentsSerializerDoes() {
		byte[] message = serializer(Map.of()).serialize("rides", RIDE);

		int id = ByteBuffer.wrap(message, 1, 4).getInt();
		assertThat(message[0]).isZero();
		assertThat(this.registry.schemas("rides-value")).containsExactly(RideAvroSchema.json());
		assertThat(this.registry.count("POST", "/subjects/rides-value/versions")).isOne();
		assertThat(id).isOne();
	}

	@Test
	void framesTheRidesAvroBinaryAfterItsSchemaId() {
		byte[] message = serializer(Map.of()).serialize("rides", RIDE);

		byte[] avro = RideAvro.write(RIDE);
		assertThat(message).hasSize(5 + avro.length);
		assertThat(ByteBuffer.wrap(message, 5, avro.length)).isEqualTo(ByteBuffer.wrap(avro));
	}

	@Test
	void readsRidesOfEveryFormatATopicMixesByTheTypeOfTheirSchema() {
		RideDeserializer deserializer = deserializer();
		// Moving a topic's producers from JSON Schema to Avro: a registry refuses another type under the same
		// subject unless its compatibility is NONE, so that is how a topic comes to mix them.
		this.registry.setCompatibility("rides-value", "NONE");
		byte[] jsonSchema = jsonSerializer(Map.of("schema.registry.url", this.registry.url())).serialize("rides", RIDE);
		byte[] avro = serializer(Map.of()).serialize("rides", RIDE);
		byte[] plainJson = jsonSerializer(Map.of()).serialize("rides", RIDE);

		List<Ride> read = List.of(deserializer.deserialize("rides", avro), deserializer.deserialize("rides", jsonSchema),
				deserializer.deserialize("rides", plainJson));

		assertThat(read).allSatisfy((ride) -> assertThat(ride).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(RIDE));
		assertThat(this.registry.count("GET", "/schemas/ids/1")).isOne();
		assertThat(this.registry.count("GET", "/schemas/ids/2")).isOne();
	}

	@Test
	void refusesARideThatBreaksTheRideSchemasRulesBeforeSendingIt() {
		Ride noSuchVendor = new Ride(0, RIDE.pickupTime(), RIDE.dropoffTime(), RIDE.passengerCount(),
				RIDE.tripDistance(), RIDE.rateCodeId(), RIDE.storeAndForwardFlag(), RIDE.pickupLocationId(),
				RIDE.dropoffLocationId(), RIDE.paymentType(), RIDE.fareAmount(), RIDE.extra(), RIDE.mtaTax(),
				RIDE.tipAmount(), RIDE.tollsAmount(), RIDE.improvementSurcharge(), RIDE.totalAmount(),
				RIDE.congestionSurcharge());

		assertThatExceptionOfType(InvalidRideException.class)
			.isThrownBy(() -> serializer(Map.of()).serialize("rides", noSuchVendor))
			.withMessageContaining("VendorID");
	}

	@Test
	void refusesToStartWithoutARegistry() {
		RideAvroSerializer serializer = new RideAvroSerializer();

		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> serializer.configure(Map.of(), false))
			.withMessageContaining("schema.registry.url");
	}

	@Test
	void takesTheLatestVersionOnlyIfItIsTheRideSchema() {
		int id = this.registry.register("rides-value", "AVRO", RideAvroSchema.json());
		this.registry.register("other-value", "AVRO", "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[]}");
		RideAvroSerializer serializer = serializer(
				Map.of("auto.register.schemas", "false", "use.latest.version", "true"));

		assertThat(ByteBuffer.wrap(serializer.serialize("rides", RIDE), 1, 4).getInt()).isEqualTo(id);
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> serializer.serialize("other", RIDE))
			.withMessageContaining("is not this version's Avro ride schema");
	}

	@Test
	void tellsADeserializerOfAnotherTypeThatTheSchemaIsAvro() {
		byte[] avro = serializer(Map.of()).serialize("rides", RIDE);
		JsonSchemaDeserializer<Ride> other = new JsonSchemaDeserializer<>(Ride.class, RideSchema.json());
		other.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> other.deserialize("rides", avro))
			.withMessageContaining("is an Avro schema");
	}

	@Test
	void registersUnderTheRecordsFullNameWithTheRecordNameStrategy() {
		serializer(Map.of("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"))
			.serialize("rides", RIDE);

		assertThat(this.registry.schemas("io.ridestream.Ride")).containsExactly(RideAvroSchema.json());
	}

	@Test
	void readsARideWhoseWritersSchemaReferencesATypeOfAnotherSubject() {
		String dataset = RideAvroSchema.schema().getField("dataset").schema().getTypes().get(1).toString();
		this.registry.register("io.ridestream.Dataset", "AVRO", dataset);
		int id = this.registry.register("rides-value", "AVRO",
				RideAvroSchema.json().replace(dataset, "\"io.ridestream.Dataset\""),
				List.of(new FakeSchemaRegistry.Reference("io.ridestream.Dataset", "io.ridestream.Dataset", 1)));
		byte[] avro = RideAvro.write(RIDE);
		byte[] message = ByteBuffer.allocate(5 + avro.length).put((byte) 0).putInt(id).put(avro).array();

		assertThat(deserializer().deserialize("rides", message)).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(RIDE);
	}

	private RideAvroSerializer serializer(Map<String, String> settings) {
		RideAvroSerializer serializer = new RideAvroSerializer();
		Map<String, Object> configs = new HashMap<>(settings);
		configs.put("schema.registry.url", this.registry.url());
		serializer.configure(configs, false);
		return serializer;
	}

	private RideDeserializer deserializer() {
		RideDeserializer deserializer = new RideDeserializer();
		deserializer.configure(Map.of("schema.registry.url", this.registry.url()), false);
		return deserializer;
	}

	private static RideSerializer jsonSerializer(Map<String, String> configs) {
		RideSerializer serializer = new RideSerializer();
		serializer.configure(configs, false);
		return serializer;
	}

}
