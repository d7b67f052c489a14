package io.ridestream.serde;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

import io.ridestream.read.RideColumn;
import org.junit.jupiter.api.Test;
import io.ridestream.model.Ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RideJsonTest {

	static final Ride RIDE = new Ride(1, LocalDateTime.of(2020, 7, 1, 0, 25, 32), LocalDateTime.of(2020, 7, 1, 0, 33, 39),
			1, new BigDecimal("1.50"), 1, "N", 238, 75, 2, new BigDecimal("8"), new BigDecimal("0.5"),
			new BigDecimal("0.5"), new BigDecimal("0"), new BigDecimal("0"), new BigDecimal("0.3"),
			new BigDecimal("9.3"), new BigDecimal("0"));

	static final String DOCUMENTED_JSON = "{\"dataset\":\"yellow\",\"VendorID\":1,\"tpep_pickup_datetime\":\"2020-07-01T00:25:32\","
			+ "\"tpep_dropoff_datetime\":\"2020-07-01T00:33:39\",\"passenger_count\":1,\"trip_distance\":1.50,"
			+ "\"RatecodeID\":1,\"store_and_fwd_flag\":\"N\",\"PULocationID\":238,\"DOLocationID\":75,"
			+ "\"payment_type\":2,\"fare_amount\":8,\"extra\":0.5,\"mta_tax\":0.5,\"tip_amount\":0,"
			+ "\"tolls_amount\":0,\"improvement_surcharge\":0.3,\"total_amount\":9.3,\"congestion_surcharge\":0}";

	@Test
	void writesTheDocumentedShape() {
		assertThat(new String(RideJson.write(RIDE), StandardCharsets.UTF_8)).isEqualTo(DOCUMENTED_JSON);
	}

	@Test
	void namesFieldsAfterTheirColumnsAndLeavesOutNullFieldsAddedInVersion2() {
		String json = new String(RideJson.write(RIDE), StandardCharsets.UTF_8);

		assertThat(Arrays.stream(RideColumn.values())
			.filter((column) -> column.compareTo(RideColumn.CONGESTION_SURCHARGE) <= 0)
			.map((column) -> "\"" + column.wireName() + "\":")).allMatch(json::contains);
		assertThat(Arrays.stream(RideColumn.values())
			.filter((column) -> column.compareTo(RideColumn.CONGESTION_SURCHARGE) > 0)
			.map((column) -> "\"" + column.wireName() + "\":")).noneMatch(json::contains);
	}

	@Test
	void readsBackAnEqualRideWithExactDecimals() {
		Ride read = RideJson.read(RideJson.write(RIDE));

		assertThat(read).isEqualTo(RIDE);
		assertThat(read.tripDistance().toPlainString()).isEqualTo("1.50");
	}

	@Test
	void writesDecimalsWithoutExponent() {
		Ride ride = new Ride(1, RIDE.pickupTime(), RIDE.dropoffTime(), null, new BigDecimal("1E+2"), null, null, 1, 2,
				null, new BigDecimal("1E+1"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, new BigDecimal("10"), null);

		assertThat(new String(RideJson.write(ride), StandardCharsets.UTF_8)).contains("\"trip_distance\":100,")
			.contains("\"fare_amount\":10,");
	}

	@Test
	void writesNullForMissingOptionalValues() {
		Ride ride = new Ride(1, RIDE.pickupTime(), RIDE.dropoffTime(), null, BigDecimal.ONE, null, null, 1, 2, null,
				BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ONE, null);

		assertThat(new String(RideJson.write(ride), StandardCharsets.UTF_8)).contains("\"passenger_count\":null")
			.contains("\"congestion_surcharge\":null");
		assertThat(RideJson.read(RideJson.write(ride))).isEqualTo(ride);
	}

	@Test
	void ignoresFieldsItDoesNotKnowSoProducersCanAddOptionalOnes() {
		String newer = DOCUMENTED_JSON.replace("}", ",\"future_fee\":1.25}");

		assertThat(RideJson.read(newer.getBytes(StandardCharsets.UTF_8))).isEqualTo(RIDE);
	}

	@Test
	void readsOptionalFieldsLeftOutAsNullAsTheSchemaAllows() {
		String json = DOCUMENTED_JSON.replace("\"passenger_count\":1,", "").replace(",\"congestion_surcharge\":0", "");

		Ride ride = RideJson.read(json.getBytes(StandardCharsets.UTF_8));

		assertThat(ride.passengerCount()).isNull();
		assertThat(ride.congestionSurcharge()).isNull();
	}

	@Test
	void rejectsRideWithoutRequiredField() {
		String json = DOCUMENTED_JSON.replace("\"fare_amount\":8,", "");

		assertThatIllegalArgumentException().isThrownBy(() -> RideJson.read(json.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("fare_amount");
	}

	@Test
	void rejectsNullInRequiredIntegerField() {
		String json = DOCUMENTED_JSON.replace("\"PULocationID\":238", "\"PULocationID\":null");

		assertThatIllegalArgumentException().isThrownBy(() -> RideJson.read(json.getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("Not a valid ride");
	}

	@Test
	void rejectsFractionInIntegerField() {
		String json = DOCUMENTED_JSON.replace("\"VendorID\":1", "\"VendorID\":1.5");

		assertThatIllegalArgumentException().isThrownBy(() -> RideJson.read(json.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void rejectsAbsurdlyLargeAmount() {
		String json = DOCUMENTED_JSON.replace("\"total_amount\":9.3", "\"total_amount\":1e999999999");

		assertThatIllegalArgumentException().isThrownBy(() -> RideJson.read(json.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("total_amount must have at most 12 integer digits");
	}

	@Test
	void rejectsLongAmountWithAMessageOfBoundedLength() {
		String json = DOCUMENTED_JSON.replace("\"total_amount\":9.3", "\"total_amount\":" + "9".repeat(900));

		assertThatIllegalArgumentException().isThrownBy(() -> RideJson.read(json.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("total_amount must have at most 12 integer digits")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(300));
	}

	@Test
	void rejectsBytesThatAreNotJson() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RideJson.read("not json".getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("Not a valid ride");
	}

}
