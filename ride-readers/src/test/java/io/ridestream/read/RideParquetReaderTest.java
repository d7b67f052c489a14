package io.ridestream.read;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reads Parquet files in the TLC's layouts written by DuckDB, a writer independent of parquet-java, and checks every
 * ride against what DuckDB itself reads back from the same file: the reader must not share a mistake with a writer.
 */
class RideParquetReaderTest {

	/** 3,000 rows in row groups of 1,000, with the TLC's quirks: blank vendors, refunds, outlier years. */
	private static final String ROWS = "FROM range(3000) t(i)";

	private static final String PICKUP = "TIMESTAMP '2019-01-01 00:00:00' + to_seconds(i * 37)";

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "snappy", "zstd", "gzip", "uncompressed" })
	void readsYellowRidesOf2019WithIntegersAsDoublesAndMicrosecondTimestamps(String compression) throws Exception {
		Path file = writeTrips("""
				SELECT CASE WHEN i % 97 = 0 THEN NULL ELSE 1 + i % 2 END::BIGINT AS VendorID,
				  (CASE WHEN i % 500 = 0 THEN TIMESTAMP '2088-01-01 00:00:00' ELSE {pickup} END)::TIMESTAMP AS tpep_pickup_datetime,
				  ({pickup} + INTERVAL 9 MINUTE)::TIMESTAMP AS tpep_dropoff_datetime,
				  CASE WHEN i % 97 = 0 THEN NULL ELSE (i % 4)::DOUBLE END AS passenger_count,
				  round(i % 130 / 10.0, 2)::DOUBLE AS trip_distance,
				  CASE WHEN i % 97 = 0 THEN NULL ELSE 1.0 END::DOUBLE AS RatecodeID,
				  CASE WHEN i % 3 = 0 THEN 'Y' ELSE 'N' END AS store_and_fwd_flag,
				  (1 + i % 265)::BIGINT AS PULocationID, (1 + i * 7 % 265)::BIGINT AS DOLocationID,
				  CASE WHEN i % 97 = 0 THEN NULL ELSE i % 5 END::BIGINT AS payment_type,
				  (CASE WHEN i % 50 = 0 THEN -1 ELSE 1 END * round(2.5 + i % 400 / 10.0 + 0.3, 2))::DOUBLE AS fare_amount,
				  0.5::DOUBLE AS extra, 0.5::DOUBLE AS mta_tax, round(i % 7 * 0.11, 2)::DOUBLE AS tip_amount,
				  0.0::DOUBLE AS tolls_amount, 0.3::DOUBLE AS improvement_surcharge,
				  (CASE WHEN i % 50 = 0 THEN -1 ELSE 1 END * round(3.8 + i % 400 / 10.0 + 0.3 + i % 7 * 0.11, 2))::DOUBLE
				    AS total_amount,
				  NULL::DOUBLE AS congestion_surcharge
				""".replace("{pickup}", PICKUP), "yellow_tripdata_2019-01.parquet", compression);

		List<Ride> rides = readAll(file, Dataset.YELLOW);

		assertThat(rides).hasSize(3000);
		assertSameAsDuckDb(file, rides);
		assertThat(rides).filteredOn((ride) -> ride.vendorId() == null).hasSize(31);
		assertThat(rides).filteredOn((ride) -> ride.pickupTime().getYear() == 2088).hasSize(6);
		assertThat(rides.get(1).fareAmount()).isEqualByComparingTo("2.9").extracting(BigDecimal::toPlainString)
			.isEqualTo("2.9");
	}

	@Test
	void readsYellowRidesOf2024WithInt64CountsNanosecondTimestampsAndNewFees() throws Exception {
		Path file = writeTrips("""
				SELECT (1 + i % 2)::INTEGER AS VendorID,
				  ({pickup})::TIMESTAMP_NS AS tpep_pickup_datetime, ({pickup} + INTERVAL 9 MINUTE)::TIMESTAMP_NS AS tpep_dropoff_datetime,
				  (i % 4)::BIGINT AS passenger_count, round(i % 130 / 10.0, 2)::DOUBLE AS trip_distance,
				  1::BIGINT AS RatecodeID, 'N' AS store_and_fwd_flag, (1 + i % 265)::INTEGER AS PULocationID,
				  (1 + i * 7 % 265)::INTEGER AS DOLocationID, (i % 5)::BIGINT AS payment_type,
				  round(2.5 + i % 400 / 10.0, 2)::DOUBLE AS fare_amount, 1.0::DOUBLE AS extra, 0.5::DOUBLE AS mta_tax,
				  0.0::DOUBLE AS tip_amount, 6.94::DOUBLE AS tolls_amount, 1.0::DOUBLE AS improvement_surcharge,
				  round(11.94 + i % 400 / 10.0, 2)::DOUBLE AS total_amount, 2.5::DOUBLE AS congestion_surcharge,
				  CASE WHEN i % 10 = 0 THEN 1.75 ELSE 0.0 END::DOUBLE AS Airport_fee,
				  0.75::DOUBLE AS cbd_congestion_fee
				""".replace("{pickup}", PICKUP), "yellow_tripdata_2025-01.parquet", "snappy");

		List<Ride> rides = readAll(file, Dataset.YELLOW);

		assertSameAsDuckDb(file, rides);
		assertThat(rides).extracting(Ride::airportFee).containsOnly(new BigDecimal("1.75"), new BigDecimal("0.0"));
		assertThat(rides).extracting(Ride::cbdCongestionFee).containsOnly(new BigDecimal("0.75"));
	}

	@Test
	void readsGreenRidesWithTheirOwnTimeColumnsAndTripType() throws Exception {
		Path file = writeTrips("""
				SELECT 2::BIGINT AS VendorID, ({pickup})::TIMESTAMP AS lpep_pickup_datetime,
				  ({pickup} + INTERVAL 5 MINUTE)::TIMESTAMP AS lpep_dropoff_datetime, 'N' AS store_and_fwd_flag,
				  1.0::DOUBLE AS RatecodeID, (1 + i % 265)::BIGINT AS PULocationID, 75::BIGINT AS DOLocationID,
				  1.0::DOUBLE AS passenger_count, 1.2::DOUBLE AS trip_distance, 7.5::DOUBLE AS fare_amount,
				  0.5::DOUBLE AS extra, 0.5::DOUBLE AS mta_tax, 0.0::DOUBLE AS tip_amount, 0.0::DOUBLE AS tolls_amount,
				  NULL::DOUBLE AS ehail_fee, 0.3::DOUBLE AS improvement_surcharge, 8.8::DOUBLE AS total_amount,
				  2.0::DOUBLE AS payment_type, (1 + i % 2)::DOUBLE AS trip_type, 0.0::DOUBLE AS congestion_surcharge
				""".replace("{pickup}", PICKUP), "green_tripdata_2019-10.parquet", "snappy");

		List<Ride> rides = readAll(file, Dataset.GREEN);

		assertSameAsDuckDb(file, rides);
		assertThat(rides).extracting(Ride::tripType).containsOnly(1, 2);
		assertThat(rides).extracting(Ride::ehailFee).containsOnlyNulls();
	}

	@Test
	void readsFhvTripsWithLocationsAsDoublesOftenEmpty() throws Exception {
		Path file = writeTrips("""
				SELECT 'B0' || lpad((i % 900)::VARCHAR, 4, '0') AS dispatching_base_num,
				  ({pickup})::TIMESTAMP AS pickup_datetime, ({pickup} + INTERVAL 15 MINUTE)::TIMESTAMP AS dropOff_datetime,
				  CASE WHEN i % 3 = 0 THEN NULL ELSE (1 + i % 265)::DOUBLE END AS PUlocationID,
				  CASE WHEN i % 4 = 0 THEN NULL ELSE (1 + i % 263)::DOUBLE END AS DOlocationID,
				  CASE WHEN i % 10 = 0 THEN 1 ELSE NULL END::INTEGER AS SR_Flag,
				  CASE WHEN i % 2 = 0 THEN 'B00013' ELSE NULL END AS Affiliated_base_number
				""".replace("{pickup}", PICKUP), "fhv_tripdata_2019-01.parquet", "snappy");

		List<Ride> rides = readAll(file, Dataset.FHV);

		assertSameAsDuckDb(file, rides);
		assertThat(rides).filteredOn((ride) -> ride.pickupLocationId() == null).hasSize(1000);
		assertThat(rides).extracting(Ride::fareAmount).containsOnlyNulls();
		assertThat(rides).extracting(Ride::sharedRideFlag).containsOnly(1, null);
	}

	@Test
	void convertsTimestampsAdjustedToUtcToNewYorkTime() throws Exception {
		Path file = write("""
				SELECT 'B00013' AS dispatching_base_num,
				  TIMESTAMPTZ '2019-07-01 16:00:00+00' AS pickup_datetime,
				  TIMESTAMPTZ '2019-07-01 16:30:00+00' AS dropOff_datetime
				FROM range(1)
				""", "fhv_tripdata_utc.parquet", "snappy");

		assertThat(readAll(file, Dataset.FHV)).singleElement()
			.extracting(Ride::pickupTime)
			.isEqualTo(LocalDateTime.of(2019, 7, 1, 12, 0));
	}

	@Test
	void rejectsARowWhoseIntegerColumnHoldsAFractionNamingItsRowNumber() throws Exception {
		Path file = write("""
				SELECT 'B00013' AS dispatching_base_num, TIMESTAMP '2019-01-01 00:00:00' AS pickup_datetime,
				  TIMESTAMP '2019-01-01 00:10:00' AS dropOff_datetime,
				  CASE WHEN i = 1 THEN 1.5 ELSE 7.0 END::DOUBLE AS PUlocationID
				FROM range(3) t(i)
				""", "fhv_fraction.parquet", "snappy");

		try (RideParquetReader reader = RideParquetReader.open(file)) {
			List<RideRow> rows = new ArrayList<>();
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
			assertThat(rows).hasSize(3);
			assertThat(rows.get(1)).isEqualTo(new RideRow.Rejected(2, "PUlocationID: 1.5 is not an integer"));
		}
	}

	@Test
	void failsAFileWhoseSchemaLacksAColumnItsDatasetRequires() throws Exception {
		Path file = write("SELECT TIMESTAMP '2019-01-01 00:00:00' AS tpep_pickup_datetime FROM range(1)",
				"short.parquet", "snappy");

		assertThatExceptionOfType(RideFileException.class).isThrownBy(() -> RideParquetReader.open(file))
			.withMessageStartingWith("The Parquet schema of yellow trips lacks required columns [tpep_dropoff_datetime,");
	}

	@Test
	void failsAFileThatIsNotParquetWithAClearError() throws Exception {
		Path file = Files.writeString(this.dir.resolve("not.parquet"), "PAR1 but not really");

		assertThatExceptionOfType(RideFileException.class).isThrownBy(() -> RideParquetReader.open(file))
			.withMessageStartingWith("The file is not a readable Parquet file");
	}

	@Test
	void roundsAwayTheFloatingPointNoiseOfDoublesAWriterComputed() throws Exception {
		// 0.3 + 0.6 is 0.8999999999999999 in binary floating point: the distance meant is 0.9.
		Path file = writeTrips("""
				SELECT 2::BIGINT AS VendorID, ({pickup})::TIMESTAMP AS lpep_pickup_datetime,
				  ({pickup} + INTERVAL 5 MINUTE)::TIMESTAMP AS lpep_dropoff_datetime, 'N' AS store_and_fwd_flag,
				  1.0::DOUBLE AS RatecodeID, (1 + i % 265)::BIGINT AS PULocationID, 75::BIGINT AS DOLocationID,
				  1.0::DOUBLE AS passenger_count, (0.3 + (i % 150) / 10.0)::DOUBLE AS trip_distance,
				  (4 + (i % 200) / 4.0)::DOUBLE AS fare_amount, 1.0::DOUBLE AS extra, 0.5::DOUBLE AS mta_tax,
				  ((i % 30) / 10.0)::DOUBLE AS tip_amount, 0.0::DOUBLE AS tolls_amount, NULL::DOUBLE AS ehail_fee,
				  1.0::DOUBLE AS improvement_surcharge, (6.5 + (i % 200) / 4.0 + (i % 30) / 10.0)::DOUBLE AS total_amount,
				  1.0::DOUBLE AS payment_type, 1.0::DOUBLE AS trip_type, 0.0::DOUBLE AS congestion_surcharge
				""".replace("{pickup}", PICKUP), "green_tripdata_2023-10.parquet", "zstd");

		List<Ride> rides = readAll(file, Dataset.GREEN);

		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = duckdb.createStatement();
				ResultSet rows = statement.executeQuery("SELECT round(trip_distance, 6)::DECIMAL(18, 6), "
						+ "round(total_amount, 6)::DECIMAL(18, 6) FROM read_parquet('" + file + "')")) {
			int index = 0;
			while (rows.next()) {
				Ride ride = rides.get(index++);
				assertThat(ride.tripDistance()).as("row %d", index).isEqualByComparingTo(rows.getBigDecimal(1));
				assertThat(ride.totalAmount()).as("row %d", index).isEqualByComparingTo(rows.getBigDecimal(2));
			}
			assertThat(index).isEqualTo(3000);
		}
		assertThat(rides).extracting(Ride::tripDistance).contains(new BigDecimal("0.9"));
	}

	@Test
	void readsTheShortestDecimalOfADouble() {
		assertThat(RideParquetReader.shortestDecimal(RideColumn.FARE_AMOUNT, 0.1 + 0.2).toPlainString())
			.isEqualTo("0.30000000000000004");
		assertThat(RideParquetReader.shortestDecimal(RideColumn.FARE_AMOUNT, 12.3).toPlainString()).isEqualTo("12.3");
		assertThat(RideParquetReader.shortestDecimal(RideColumn.FARE_AMOUNT, 2.0E-3).toPlainString()).isEqualTo("0.002");
		assertThat(RideParquetReader.shortestDecimal(RideColumn.FARE_AMOUNT, -52.8).toPlainString()).isEqualTo("-52.8");
	}

	/** Writes 3,000 trips selected by the columns given. */
	private Path writeTrips(String columns, String name, String compression) throws SQLException {
		return write(columns + ROWS, name, compression);
	}

	private Path write(String query, String name, String compression) throws SQLException {
		Path file = this.dir.resolve(name);
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = duckdb.createStatement()) {
			statement.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet, COMPRESSION " + compression
					+ ", ROW_GROUP_SIZE 1000)");
		}
		return file;
	}

	private static List<Ride> readAll(Path file, Dataset dataset) {
		List<Ride> rides = new ArrayList<>();
		try (RideReader reader = RideFiles.open(file)) {
			assertThat(reader.dataset()).isEqualTo(dataset);
			assertThat(reader.positionName()).isEqualTo("row");
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				assertThat(row).as("row %d", row.position()).isInstanceOf(RideRow.Parsed.class);
				rides.add(((RideRow.Parsed) row).ride());
			}
		}
		return rides;
	}

	/**
	 * Every ride's values, as DuckDB reads them back from the file and prints them: numbers as the shortest text of
	 * their double, times to the second.
	 */
	private static void assertSameAsDuckDb(Path file, List<Ride> rides) throws SQLException {
		Dataset dataset = rides.get(0).dataset();
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = duckdb.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
			int index = 0;
			while (rows.next()) {
				Ride ride = rides.get(index++);
				for (RideColumn column : RideColumn.values()) {
					String name = column.header(dataset);
					if (name == null || !hasColumn(rows, name)) {
						continue;
					}
					String expected = (column == RideColumn.PICKUP_DATETIME || column == RideColumn.DROPOFF_DATETIME)
							? rows.getTimestamp(name).toLocalDateTime().toString() : rows.getString(name);
					assertThat(textOf(ride, column)).as("row %d, %s", index, name)
						.isEqualTo(normalized(expected));
				}
			}
			assertThat(index).isEqualTo(rides.size());
		}
	}

	private static boolean hasColumn(ResultSet rows, String name) throws SQLException {
		for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
			if (rows.getMetaData().getColumnName(i).equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	/** DuckDB prints an integral double as 1.0 where the ride holds 1. */
	private static String normalized(String duckDb) {
		if (duckDb == null) {
			return null;
		}
		return duckDb.matches("-?\\d+\\.0") ? duckDb.substring(0, duckDb.length() - 2) : duckDb;
	}

	private static String textOf(Ride ride, RideColumn column) {
		Object value = switch (column) {
			case VENDOR_ID -> ride.vendorId();
			case PICKUP_DATETIME -> ride.pickupTime();
			case DROPOFF_DATETIME -> ride.dropoffTime();
			case PASSENGER_COUNT -> ride.passengerCount();
			case TRIP_DISTANCE -> ride.tripDistance();
			case RATECODE_ID -> ride.rateCodeId();
			case STORE_AND_FWD_FLAG -> ride.storeAndForwardFlag();
			case PICKUP_LOCATION_ID -> ride.pickupLocationId();
			case DROPOFF_LOCATION_ID -> ride.dropoffLocationId();
			case PAYMENT_TYPE -> ride.paymentType();
			case FARE_AMOUNT -> ride.fareAmount();
			case EXTRA -> ride.extra();
			case MTA_TAX -> ride.mtaTax();
			case TIP_AMOUNT -> ride.tipAmount();
			case TOLLS_AMOUNT -> ride.tollsAmount();
			case IMPROVEMENT_SURCHARGE -> ride.improvementSurcharge();
			case TOTAL_AMOUNT -> ride.totalAmount();
			case CONGESTION_SURCHARGE -> ride.congestionSurcharge();
			case AIRPORT_FEE -> ride.airportFee();
			case CBD_CONGESTION_FEE -> ride.cbdCongestionFee();
			case EHAIL_FEE -> ride.ehailFee();
			case TRIP_TYPE -> ride.tripType();
			case DISPATCHING_BASE_NUM -> ride.dispatchingBaseNumber();
			case SR_FLAG -> ride.sharedRideFlag();
			case AFFILIATED_BASE_NUMBER -> ride.affiliatedBaseNumber();
		};
		if (value instanceof BigDecimal decimal) {
			return normalized(decimal.toPlainString());
		}
		return (value != null) ? normalized(value.toString()) : null;
	}

}
