package io.ridestream.serde.avro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ridestream.serde.RideSchema;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RideAvroSchemaTest {

	static final Path FIXTURE = Path.of("src/test/resources/ride.avsc");

	static final Path GENERATED = Path.of("target/ride.generated.avsc");

	private final Schema schema = RideAvroSchema.schema();

	@Test
	void isTheCheckedInSchemaSoThatEveryChangeIsDeliberate() throws IOException {
		String generated = this.schema.toString(true).replace("\r\n", "\n");
		String fixture = Files.exists(FIXTURE) ? Files.readString(FIXTURE, StandardCharsets.UTF_8).strip() : "";
		if (!fixture.equals(generated)) {
			Files.writeString(GENERATED, generated + "\n", StandardCharsets.UTF_8);
		}

		assertThat(generated).as("""
				The Avro schema generated from Ride differs from %s, the schema every Avro consumer relies on.
				If the change is deliberate, check that it is compatible with the versions registered in your \
				schema registry, then copy %s over %s and commit it.""", FIXTURE, GENERATED, FIXTURE)
			.isEqualTo(fixture);
	}

	@Test
	void hasTheFieldsOfTheJsonSchemaInTheSameOrder() {
		JsonNode json = JsonMapper.shared().readTree(RideSchema.json());
		List<String> properties = new ArrayList<>(json.path("properties").propertyNames());

		assertThat(this.schema.getFields()).extracting(Schema.Field::name).containsExactlyElementsOf(properties);
	}

	@Test
	void requiresOnlyThePickupAndDropoffTimes() {
		assertThat(this.schema.getFields()).filteredOn((field) -> field.schema().getType() != Schema.Type.UNION)
			.extracting(Schema.Field::name)
			.containsExactly("tpep_pickup_datetime", "tpep_dropoff_datetime");
		assertThat(this.schema.getField("tpep_pickup_datetime").schema().getLogicalType())
			.isEqualTo(LogicalTypes.localTimestampMicros());
	}

	@Test
	void holdsAmountsAsDecimalsWithTheScaleAndPrecisionARideAllows() {
		Schema fare = this.schema.getField("fare_amount").schema().getTypes().get(1);

		assertThat(fare.getType()).isEqualTo(Schema.Type.BYTES);
		assertThat(fare.getLogicalType()).isEqualTo(LogicalTypes.decimal(18, 6));
		assertThat(this.schema.getField("fare_amount").defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
	}

}
