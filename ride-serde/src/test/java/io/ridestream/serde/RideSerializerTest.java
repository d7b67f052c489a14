package io.ridestream.serde;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.ridestream.serde.registry.FakeSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.ridestream.model.Ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RideSerializerTest {

	static final Ride NEGATIVE_PASSENGERS = new Ride(1, RideJsonTest.RIDE.pickupTime(), RideJsonTest.RIDE.dropoffTime(),
			-1, new BigDecimal("1.50"), 1, "N", 238, 75, 2, new BigDecimal("8"), new BigDecimal("0.5"),
			new BigDecimal("0.5"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.3"), new BigDecimal("9.3"),
			BigDecimal.ZERO);

	private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	private final RideSerializer serializer = new RideSerializer();

	@AfterEach
	void closeRegistry() {
		this.registry.close();
	}

	@Test
	void framesTheJsonWithMagicByteZeroAndTheBigEndianSchemaId() {
		this.registry.withNextId(0x01020304);
		this.serializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		byte[] message = this.serializer.serialize("rides", RideJsonTest.RIDE);

		assertThat(Arrays.copyOfRange(message, 0, 5)).containsExactly(0, 1, 2, 3, 4);
		assertThat(Arrays.copyOfRange(message, 5, message.length)).isEqualTo(RideJson.write(RideJsonTest.RIDE));
		assertThat(new String(message, 5, message.length - 5, StandardCharsets.UTF_8))
			.isEqualTo(RideJsonTest.DOCUMENTED_JSON);
	}

	@Test
	void writesTheIdTheRegistryGaveToTheSchemaOfTheRide() {
		this.serializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		byte[] message = this.serializer.serialize("rides", RideJsonTest.RIDE);

		assertThat(this.registry.schemas("rides-value")).containsExactly(RideSchema.json());
		assertThat(ByteBuffer.wrap(message, 1, 4).getInt()).isEqualTo(this.registry.register("rides-value", RideSchema.json()));
	}

	@Test
	void writesPlainJsonWithoutARegistry() {
		this.serializer.configure(Map.of(), false);

		assertThat(this.serializer.serialize("rides", RideJsonTest.RIDE)).isEqualTo(RideJson.write(RideJsonTest.RIDE));
	}

	@Test
	void writesPlainJsonWhenNotConfigured() {
		assertThat(this.serializer.serialize("rides", RideJsonTest.RIDE)).isEqualTo(RideJson.write(RideJsonTest.RIDE));
	}

	@Test
	void rejectsRideThatViolatesTheSchemaNamingTheField() {
		this.serializer.configure(Map.of(), false);

		assertThatExceptionOfType(InvalidRideException.class)
			.isThrownBy(() -> this.serializer.serialize("rides", NEGATIVE_PASSENGERS))
			.withMessage("Ride does not match its JSON Schema: passenger_count: must have a minimum value of 0 (was -1)")
			.satisfies((ex) -> assertThat(ex.violations()).hasSize(1));
	}

	@Test
	void rejectsInvalidRideBeforeItIsFramedWithTheRegisteredId() {
		this.serializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThatExceptionOfType(InvalidRideException.class)
			.isThrownBy(() -> this.serializer.serialize("rides", NEGATIVE_PASSENGERS))
			.withMessageContaining("passenger_count");
	}

	@Test
	void writesInvalidRideWhenValidationIsTurnedOff() {
		this.serializer.configure(Map.of("json.fail.invalid.schema", "false"), false);

		assertThat(this.serializer.serialize("rides", NEGATIVE_PASSENGERS)).isEqualTo(RideJson.write(NEGATIVE_PASSENGERS));
	}

	@Test
	void writesNullAsNull() {
		this.serializer.configure(Map.of("schema.registry.url", this.registry.url()), false);

		assertThat(this.serializer.serialize("rides", null)).isNull();
		assertThat(this.registry.requests()).isEmpty();
	}

}
