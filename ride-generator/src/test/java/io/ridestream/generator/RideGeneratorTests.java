package io.ridestream.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideSerializer;
import io.ridestream.read.RideColumn;
import io.ridestream.read.RideRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RideGeneratorTests {

	private static final List<Ride> RIDES = GeneratedCsv.rides(GeneratorSettings.of(20_000));

	@Test
	void writesTheHeaderOfTheTlcTripRecords() {
		String csv = GeneratedCsv.generate(GeneratorSettings.of(1));

		assertThat(csv.lines().findFirst()).contains("VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,"
				+ "passenger_count,trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,"
				+ "fare_amount,extra,mta_tax,tip_amount,tolls_amount,improvement_surcharge,total_amount,"
				+ "congestion_surcharge");
	}

	@Test
	void writesExactlyTheRequestedNumberOfRidesThatTheReaderParses() {
		List<RideRow> rows = GeneratedCsv.rows(GeneratedCsv.generate(GeneratorSettings.of(5_000)));

		assertThat(rows).hasSize(5_000).allMatch(RideRow.Parsed.class::isInstance);
		assertThat(rows.get(0).position()).isEqualTo(2);
		assertThat(rows.get(4_999).position()).isEqualTo(5_001);
	}

	@Test
	void everyRidePassesTheRideSchema() {
		try (RideSerializer serializer = new RideSerializer()) {
			assertThat(RIDES).allSatisfy((ride) -> assertThatNoException()
				.as("%s", ride)
				.isThrownBy(() -> serializer.serialize("rides", ride)));
		}
	}

	@Test
	void pickupTimesNeverGoBackwards() {
		for (int i = 1; i < RIDES.size(); i++) {
			assertThat(RIDES.get(i).pickupTime()).as("ride %d", i).isAfterOrEqualTo(RIDES.get(i - 1).pickupTime());
		}
	}

	@Test
	void dropoffComesAfterPickupWithinAFewHours() {
		assertThat(RIDES).allSatisfy((ride) -> assertThat(Duration.between(ride.pickupTime(), ride.dropoffTime()))
			.isPositive()
			.isLessThan(Duration.ofHours(6)));
	}

	@Test
	void totalAmountIsExactlySumOfTheParts() {
		assertThat(RIDES).allSatisfy((ride) -> assertThat(ride.totalAmount()).isEqualByComparingTo(Stream
			.of(ride.fareAmount(), ride.extra(), ride.mtaTax(), ride.tipAmount(), ride.tollsAmount(),
					ride.improvementSurcharge(), ride.congestionSurcharge())
			.filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add)));
	}

	@Test
	void valuesStayInTheRangesOfTlcData() {
		assertThat(RIDES).allSatisfy((ride) -> {
			assertThat(ride.vendorId()).isIn(1, 2);
			assertThat(ride.pickupLocationId()).isBetween(1, 265);
			assertThat(ride.dropoffLocationId()).isBetween(1, 265);
			assertThat(ride.passengerCount()).isIn(null, 0, 1, 2, 3, 4, 5, 6);
			assertThat(ride.rateCodeId()).isIn(null, 1, 2, 3, 4, 5, 6, 99);
			assertThat(ride.storeAndForwardFlag()).isIn(null, "Y", "N");
			assertThat(ride.paymentType()).isIn(null, 1, 2, 3, 4);
			assertThat(ride.tripDistance().scale()).isEqualTo(2);
			assertThat(ride.tripDistance()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
			assertThat(ride.fareAmount().abs()).isLessThan(new BigDecimal("1000"));
			assertThat(Stream.of(ride.fareAmount(), ride.extra(), ride.mtaTax(), ride.tipAmount(), ride.tollsAmount(),
					ride.improvementSurcharge(), ride.totalAmount(), ride.congestionSurcharge())
				.filter(Objects::nonNull)).allSatisfy((amount) -> assertThat(amount.scale()).isLessThanOrEqualTo(2));
		});
	}

	@Test
	void mostRidesAreOnePassengerMeteredTripsAndVendorTwoHasTheMoreRides() {
		assertThat(share(Ride::passengerCount, 1)).isBetween(0.7, 0.85);
		assertThat(share(Ride::rateCodeId, 1)).isBetween(0.93, 0.98);
		assertThat(share(Ride::storeAndForwardFlag, "N")).isGreaterThan(0.97);
		assertThat(share(Ride::vendorId, 2)).isBetween(0.6, 0.73);
		assertThat(share(Ride::paymentType, 1)).isBetween(0.6, 0.72);
	}

	@Test
	void someRidesLeaveTheOptionalColumnsEmptyAsTlcDataDoes() {
		List<Ride> unrecorded = RIDES.stream().filter((ride) -> ride.passengerCount() == null).toList();

		assertThat(unrecorded).hasSizeBetween(RIDES.size() / 200, RIDES.size() / 50)
			.allSatisfy((ride) -> assertThat(Stream.of(ride.rateCodeId(), ride.storeAndForwardFlag(),
					ride.paymentType(), ride.congestionSurcharge())).containsOnlyNulls());
	}

	@Test
	void aFewZonesTakeMostPickups() {
		Map<Integer, Long> pickupsByZone = RIDES.stream()
			.collect(Collectors.groupingBy(Ride::pickupLocationId, Collectors.counting()));
		long busiestTen = pickupsByZone.values().stream().sorted((a, b) -> Long.compare(b, a)).limit(10)
			.mapToLong(Long::longValue).sum();

		assertThat(pickupsByZone).hasSizeGreaterThan(150);
		assertThat((double) busiestTen / RIDES.size()).isGreaterThan(0.35);
	}

	@Test
	void pickupsBeginAtTheStartAndComeAtTheRequestedRate() {
		LocalDateTime start = LocalDateTime.of(2021, 3, 15, 8, 0);
		List<Ride> rides = GeneratedCsv.rides(GeneratorSettings.of(12_000).withStart(start).withRidesPerMinute(40));

		Duration span = Duration.between(start, rides.get(rides.size() - 1).pickupTime());
		assertThat(rides.get(0).pickupTime()).isAfterOrEqualTo(start).isBefore(start.plusMinutes(1));
		assertThat(span.toMinutes()).isBetween(285L, 315L);
	}

	@Test
	void sameSeedWritesIdenticalBytes() {
		GeneratorSettings settings = GeneratorSettings.of(3_000).withSeed(42).withMalformedFraction(0.01);

		assertThat(GeneratedCsv.generate(settings)).isEqualTo(GeneratedCsv.generate(settings));
	}

	@Test
	void differentSeedsWriteDifferentRides() {
		List<Ride> first = GeneratedCsv.rides(GeneratorSettings.of(1_000).withSeed(1));
		List<Ride> second = GeneratedCsv.rides(GeneratorSettings.of(1_000).withSeed(2));

		long same = 0;
		for (int i = 0; i < first.size(); i++) {
			same += first.get(i).equals(second.get(i)) ? 1 : 0;
		}
		assertThat(same).isZero();
	}

	@Test
	void writesTheSameBytesToAFileAStreamAndAWriter(@TempDir Path directory) throws IOException {
		RideGenerator generator = new RideGenerator(GeneratorSettings.of(2_000).withMalformedFraction(0.01));
		Path file = directory.resolve("rides.csv");
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		StringWriter writer = new StringWriter();

		GenerationResult result = generator.write(file);
		generator.write(stream);
		generator.write(writer);

		byte[] bytes = Files.readAllBytes(file);
		assertThat(stream.toByteArray()).isEqualTo(bytes);
		assertThat(writer.toString().getBytes(StandardCharsets.US_ASCII)).isEqualTo(bytes);
		assertThat(result.bytes()).isEqualTo(bytes.length);
		assertThat(result.rows()).isEqualTo(2_000);
	}

	@Test
	void writesOnlyTheHeaderForNoRides() throws IOException {
		StringWriter csv = new StringWriter();

		GenerationResult result = new RideGenerator(GeneratorSettings.of(0)).write(csv);

		assertThat(csv.toString()).isEqualTo(Arrays.stream(RideColumn.values())
			.filter((column) -> column.compareTo(RideColumn.CONGESTION_SURCHARGE) <= 0)
			.map((column) -> column.header(Dataset.YELLOW))
			.collect(Collectors.joining(",", "", "\n")));
		assertThat(result.rows()).isZero();
		assertThat(result.malformedLines()).isEmpty();
	}

	private static <T> double share(Function<Ride, T> column, T value) {
		return (double) RIDES.stream().filter((ride) -> value.equals(column.apply(ride))).count() / RIDES.size();
	}

}
