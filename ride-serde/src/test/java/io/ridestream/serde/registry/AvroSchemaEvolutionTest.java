package io.ridestream.serde.registry;

import java.util.Map;

import io.ridestream.serde.avro.RideAvroSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test registry refuses the changes to the ride's Avro schema that Confluent's registry refuses (Avro's own
 * resolution rules), and the client reports the registry's reason.
 */
class AvroSchemaEvolutionTest {

	private static final String SUBJECT = "rides-value";

	private static final TypedSchema RIDE = TypedSchema.avro(RideAvroSchema.json());

	private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	private final SchemaRegistryClient client = new SchemaRegistryClient(
			RegistrySerdeConfig.from(Map.of("schema.registry.url", this.registry.url())));

	@AfterEach
	void stopRegistry() {
		this.registry.close();
	}

	@Test
	void acceptsAnOptionalFieldWithANullDefaultUnderFullCompatibility() {
		this.registry.setCompatibility(SUBJECT, "FULL");
		int first = this.client.register(SUBJECT, RIDE);

		int second = this.client.register(SUBJECT, withField("{\"name\":\"new_fee\",\"type\":[\"null\",\"double\"],"
				+ "\"default\":null}"));

		assertThat(second).isNotEqualTo(first);
		assertThat(this.registry.schemas(SUBJECT)).hasSize(2);
	}

	@Test
	void refusesAFieldWithoutADefaultUnderBackwardCompatibilityWithTheRegistrysReason() {
		this.client.register(SUBJECT, RIDE);

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.client.register(SUBJECT, withField("{\"name\":\"new_fee\",\"type\":\"double\"}")))
			.withMessageContaining("(409)")
			.withMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
			.withMessageContaining("new_fee");
		assertThat(this.registry.schemas(SUBJECT)).hasSize(1);
	}

	@Test
	void refusesARequiredFieldRemovedUnderForwardCompatibility() {
		this.registry.setCompatibility(SUBJECT, "FORWARD");
		this.client.register(SUBJECT, RIDE);
		String withoutDropoff = RideAvroSchema.json()
			.replaceFirst("\\{\"name\":\"tpep_dropoff_datetime\",\"type\":\\{[^}]*\\}\\},", "");

		assertThat(withoutDropoff).doesNotContain("tpep_dropoff_datetime");
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.client.register(SUBJECT, TypedSchema.avro(withoutDropoff)))
			.withMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
			.withMessageContaining("tpep_dropoff_datetime");
	}

	@Test
	void refusesAnAvroSchemaAfterAJsonSchemaOfTheSameSubject() {
		this.client.register(SUBJECT, TypedSchema.json("{\"type\":\"object\"}"));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> this.client.register(SUBJECT, RIDE))
			.withMessageContaining("(409)");
	}

	@Test
	void refusesAnAvroSchemaThatIsNotOne() {
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> this.client.register(SUBJECT, TypedSchema.avro("{\"type\":\"record\"}")))
			.withMessageContaining("(422)");
	}

	@Test
	void readsTheTypeOfASchemaById() {
		int id = this.client.register(SUBJECT, RIDE);

		assertThat(this.client.schemaById(id, SUBJECT)).isEqualTo(RIDE);
		assertThat(this.client.latestVersion(SUBJECT).schema()).isEqualTo(RIDE);
	}

	private static TypedSchema withField(String field) {
		String schema = RideAvroSchema.json();
		return TypedSchema.avro(schema.substring(0, schema.length() - 2) + "," + field + "]}");
	}

}
