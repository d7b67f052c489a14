package io.ridestream.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ridestream.read.RideColumn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.ridestream.model.Ride;
import io.ridestream.read.BundledRides;

import static org.assertj.core.api.Assertions.assertThat;

class RideSchemaTest {

	static final Path FIXTURE = Path.of("src/test/resources/ride.schema.json");

	static final Path GENERATED = Path.of("target/ride.schema.generated.json");

	/** The first version of the schema, as producers registered it before green and FHV trips. */
	static final Path VERSION_1 = Path.of("src/test/resources/ride.schema.v1.json");

	private final JsonNode schema = JsonMapper.shared().readTree(RideSchema.json());

	@Test
	void isTheCheckedInSchemaSoThatEveryChangeIsDeliberate() throws IOException {
		String fixture = Files.readString(FIXTURE, StandardCharsets.UTF_8).strip();
		if (!fixture.equals(RideSchema.json())) {
			Files.writeString(GENERATED, RideSchema.json() + "\n", StandardCharsets.UTF_8);
		}

		assertThat(RideSchema.json()).as("""
				The JSON Schema generated from Ride differs from %s, the schema every consumer relies on.
				If the change is deliberate, check that it is compatible with the versions registered in your \
				schema registry, then copy %s over %s and commit it.""", FIXTURE, GENERATED, FIXTURE)
			.isEqualTo(fixture);
	}

	@Test
	void isDraft7WithAnOpenContentModel() {
		assertThat(this.schema.path("$schema").asString()).isEqualTo("http://json-schema.org/draft-07/schema#");
		assertThat(this.schema.path("type").asString()).isEqualTo("object");
		assertThat(this.schema.path("additionalProperties").asBoolean()).isTrue();
	}

	@Test
	void namesPropertiesAfterTheDatasetAndTheTlcColumnsInTheirOrder() {
		List<String> names = new ArrayList<>(List.of("dataset"));
		Arrays.stream(RideColumn.values()).map(RideColumn::wireName).forEach(names::add);

		assertThat(this.schema.path("properties").propertyNames()).containsExactlyElementsOf(names);
	}

	@Test
	void requiresOnlyThePickupAndDropOffTimesThatEveryDatasetHas() {
		List<String> required = new ArrayList<>();
		this.schema.path("required").forEach((name) -> required.add(name.asString()));

		assertThat(required).containsExactly("tpep_pickup_datetime", "tpep_dropoff_datetime");
	}

	@Test
	void keepsTheTypesOfVersion1PropertiesAndAllowsNullInAllButTheTimes() throws IOException {
		JsonNode version1 = JsonMapper.shared().readTree(Files.readString(VERSION_1));
		version1.path("properties").propertyNames().forEach((name) -> {
			JsonNode type = this.schema.path("properties").path(name).path("type");
			JsonNode type1 = version1.path("properties").path(name).path("type");
			boolean time = name.endsWith("_datetime");

			assertThat(type.isArray() ? type.get(0) : type).as(name).isEqualTo(type1.isArray() ? type1.get(0) : type1);
			assertThat(type.isArray() && type.get(1).asString().equals("null")).as(name).isEqualTo(!time);
		});
	}

	@Test
	void givesPropertiesAddedInVersion2AnEmptySchemaAsBackwardCompatibilityWithAnOpenModelRequires()
			throws IOException {
		JsonNode version1 = JsonMapper.shared().readTree(Files.readString(VERSION_1));
		List<String> added = new ArrayList<>(this.schema.path("properties").propertyNames());
		added.removeAll(version1.path("properties").propertyNames());

		assertThat(added).containsExactly("dataset", "airport_fee", "cbd_congestion_fee", "ehail_fee", "trip_type",
				"dispatching_base_num", "SR_Flag", "Affiliated_base_number");
		assertThat(added).allSatisfy((name) -> assertThat(this.schema.path("properties").path(name).propertyNames())
			.as(name)
			.containsExactly("description"));
	}

	@Test
	void describesTimestampsAsLocalDateTimesWithoutAnOffset() {
		JsonNode pickup = this.schema.path("properties").path("tpep_pickup_datetime");

		assertThat(pickup.path("type").asString()).isEqualTo("string");
		assertThat(pickup.has("format")).as("format date-time would require an offset").isFalse();
		assertThat("2020-07-01T00:25:32").matches(pickup.path("pattern").asString());
		assertThat("2020-07-01T00:25:32.5").matches(pickup.path("pattern").asString());
		assertThat("2020-07-01 00:25:32").doesNotMatch(pickup.path("pattern").asString());
		assertThat("2020-07-01T00:25:32Z").doesNotMatch(pickup.path("pattern").asString());
	}

	@Test
	void describesAmountsAsNumbersWithoutBoundsBecauseRefundsAreNegative() {
		JsonNode fare = this.schema.path("properties").path("fare_amount");

		assertThat(fare.path("type").get(0).asString()).isEqualTo("number");
		assertThat(fare.has("minimum")).isFalse();
	}

	@Test
	void everyBundledRideMatchesTheSchema() {
		CompiledSchema compiled = CompiledSchema.of(RideSchema.json());

		assertThat(BundledRides.read()).hasSize(266)
			.allSatisfy((ride) -> assertThat(compiled.violations(RideJson.MAPPER.readTree(RideJson.write(ride))))
				.isEmpty());
	}

}
