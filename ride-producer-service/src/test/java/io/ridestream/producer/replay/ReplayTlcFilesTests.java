package io.ridestream.producer.replay;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every TLC dataset in every format replays through {@code POST /rides/replay}, counted exactly against what DuckDB,
 * which wrote the files, computes from them on its own: rides, their dataset, blank vendors, exact revenue and
 * pickups per location.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ridestream.topic.name=tlc-files")
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayTlcFilesTests {

	private static final String TRIPS = " FROM range(1500) t(i)";

	private static final String PICKUP = "(TIMESTAMP '2019-10-01 00:00:00' + to_seconds(i * 53))";

	/** The TLC's columns of each dataset, with blank vendors and locations, refunds and a 2088 pickup. */
	private static final Map<Dataset, String> COLUMNS = Map.of(Dataset.YELLOW, """
			SELECT CASE WHEN i % 97 = 0 THEN NULL ELSE 1 + i % 2 END::BIGINT AS VendorID,
			  (CASE WHEN i = 700 THEN TIMESTAMP '2088-01-01 00:00:00' ELSE {pickup} END)::TIMESTAMP AS tpep_pickup_datetime,
			  ({pickup} + INTERVAL 9 MINUTE)::TIMESTAMP AS tpep_dropoff_datetime, (i % 4)::DOUBLE AS passenger_count,
			  round(i % 130 / 10.0, 2)::DOUBLE AS trip_distance, 1.0::DOUBLE AS RatecodeID, 'N' AS store_and_fwd_flag,
			  (1 + i % 265)::BIGINT AS PULocationID, (1 + i * 7 % 265)::BIGINT AS DOLocationID,
			  (i % 5)::BIGINT AS payment_type,
			  (CASE WHEN i % 50 = 0 THEN -1 ELSE 1 END * round(2.5 + i % 400 / 10.0, 2))::DOUBLE AS fare_amount,
			  0.5::DOUBLE AS extra, 0.5::DOUBLE AS mta_tax, round(i % 7 * 0.11, 2)::DOUBLE AS tip_amount,
			  0.0::DOUBLE AS tolls_amount, 0.3::DOUBLE AS improvement_surcharge,
			  (CASE WHEN i % 50 = 0 THEN -1 ELSE 1 END * round(3.8 + i % 400 / 10.0 + i % 7 * 0.11, 2))::DOUBLE
			    AS total_amount, 2.5::DOUBLE AS congestion_surcharge, 0.0::DOUBLE AS airport_fee
			""", Dataset.GREEN, """
			SELECT 2::BIGINT AS VendorID, {pickup}::TIMESTAMP AS lpep_pickup_datetime,
			  ({pickup} + INTERVAL 5 MINUTE)::TIMESTAMP AS lpep_dropoff_datetime, 'N' AS store_and_fwd_flag,
			  1.0::DOUBLE AS RatecodeID, (1 + i % 265)::BIGINT AS PULocationID, 75::BIGINT AS DOLocationID,
			  1.0::DOUBLE AS passenger_count, 1.2::DOUBLE AS trip_distance, round(7.5 + i % 9 * 0.1, 2)::DOUBLE AS fare_amount,
			  0.5::DOUBLE AS extra, 0.5::DOUBLE AS mta_tax, 0.0::DOUBLE AS tip_amount, 0.0::DOUBLE AS tolls_amount,
			  NULL::DOUBLE AS ehail_fee, 0.3::DOUBLE AS improvement_surcharge,
			  round(8.8 + i % 9 * 0.1, 2)::DOUBLE AS total_amount, 2.0::DOUBLE AS payment_type,
			  (1 + i % 2)::DOUBLE AS trip_type, 0.0::DOUBLE AS congestion_surcharge
			""", Dataset.FHV, """
			SELECT 'B0' || lpad((i % 900)::VARCHAR, 4, '0') AS dispatching_base_num, {pickup}::TIMESTAMP AS pickup_datetime,
			  ({pickup} + INTERVAL 15 MINUTE)::TIMESTAMP AS dropOff_datetime,
			  CASE WHEN i % 3 = 0 THEN NULL ELSE (1 + i % 265)::DOUBLE END AS PUlocationID,
			  CASE WHEN i % 4 = 0 THEN NULL ELSE (1 + i % 263)::DOUBLE END AS DOlocationID,
			  NULL::INTEGER AS SR_Flag, 'B00013' AS Affiliated_base_number
			""");

	@Autowired
	private RestTestClient client;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0} as {1}")
	@CsvSource({ "YELLOW, parquet", "YELLOW, csv", "YELLOW, csv.gz", "GREEN, parquet", "GREEN, csv", "GREEN, csv.gz",
			"FHV, parquet", "FHV, csv", "FHV, csv.gz" })
	void replaysEveryRideOfTheFileExactly(Dataset dataset, String format) throws Exception {
		Path file = write(dataset, format);

		ReplayJobView job = replay(Files.readAllBytes(file));
		List<Ride> rides = RideRecords.published(this.broker, "tlc-files", job).stream().map(ConsumerRecord::value).toList();

		Expected expected = Expected.of(file, dataset);
		assertThat(job.state()).as("%s", job.error()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(expected.rides());
		assertThat(rides).hasSize((int) expected.rides()).extracting(Ride::dataset).containsOnly(dataset);
		assertThat(rides.stream().filter((ride) -> ride.vendorId() == null).count()).isEqualTo(expected.blankVendors());
		assertThat(rides.stream().map(Ride::totalAmount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(expected.revenue());
		assertThat(rides.stream().collect(Collectors.groupingBy((ride) -> String.valueOf(ride.pickupLocationId()),
				Collectors.counting()))).isEqualTo(expected.pickupsByLocation());
	}

	private Path write(Dataset dataset, String format) throws SQLException {
		Path file = this.dir.resolve(dataset.wireName() + "_tripdata." + format);
		String options = switch (format) {
			case "parquet" -> "FORMAT parquet, ROW_GROUP_SIZE 500";
			case "csv" -> "FORMAT csv, HEADER";
			default -> "FORMAT csv, HEADER, COMPRESSION gzip";
		};
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = duckdb.createStatement()) {
			statement.execute("COPY (" + COLUMNS.get(dataset).replace("{pickup}", PICKUP) + TRIPS + ") TO '" + file + "' ("
					+ options + ")");
		}
		return file;
	}

	private ReplayJobView replay(byte[] body) {
		return this.client.post()
			.uri("/rides/replay?wait=true")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();
	}

	/** What DuckDB reads from the file it wrote. */
	private record Expected(long rides, long blankVendors, BigDecimal revenue, Map<String, Long> pickupsByLocation) {

		static Expected of(Path file, Dataset dataset) throws SQLException {
			String source = file.toString().endsWith(".parquet") ? "read_parquet('" + file + "')"
					: "read_csv('" + file + "', header = true)";
			boolean fares = dataset != Dataset.FHV;
			try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
					Statement statement = duckdb.createStatement()) {
				ResultSet totals = statement.executeQuery("SELECT count(*), "
						+ (fares ? "count(*) - count(VendorID), sum(CAST(total_amount AS DECIMAL(18, 2)))" : "count(*), 0")
						+ " FROM " + source);
				totals.next();
				Expected expected = new Expected(totals.getLong(1), totals.getLong(2), totals.getBigDecimal(3),
						new HashMap<>());
				ResultSet pickups = statement.executeQuery(
						"SELECT CAST(CAST(PULocationID AS INTEGER) AS VARCHAR), count(*) FROM " + source + " GROUP BY 1");
				while (pickups.next()) {
					expected.pickupsByLocation().put(String.valueOf(pickups.getString(1)), pickups.getLong(2));
				}
				return expected;
			}
		}

	}

}
