package io.ridestream.producer.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPOutputStream;

/**
 * A data directory of ride files (CSV, gzip CSV, green Parquet and a broken Parquet file), with what must not be replayed from it beside them: a subdirectory, a hidden
 * file, and links leading out of it to a secret file and to a directory.
 */
final class TestDataDirectory {

	static final String RIDES_CSV = TestCsv.rides(3);

	static final int GZIP_RIDES = 4;

	static final int GREEN_RIDES = 5;

	/** A file outside the data directory, which links in it lead to. */
	final Path outside;

	final Path directory;

	private TestDataDirectory(Path outside, Path directory) {
		this.outside = outside;
		this.directory = directory;
	}

	static TestDataDirectory create() {
		try {
			Path root = Files.createTempDirectory("ridestream-data-test-");
			Path outside = Files.createDirectory(root.resolve("outside"));
			Files.writeString(outside.resolve("secret.csv"), TestCsv.rides(1));
			Path data = Files.createDirectory(root.resolve("data"));
			Files.writeString(data.resolve("rides.csv"), RIDES_CSV);
			Files.write(data.resolve("rides.csv.gz"), gzip(TestCsv.rides(GZIP_RIDES)));
			Files.write(data.resolve("trips.parquet"), "PAR1\u0015\u0000garbage".getBytes(StandardCharsets.ISO_8859_1));
			writeGreenParquet(data.resolve("green_tripdata_2019-10.parquet"));
			Files.writeString(Files.createDirectory(data.resolve("nested")).resolve("nested.csv"), TestCsv.rides(1));
			Files.writeString(data.resolve(".hidden.csv"), TestCsv.rides(1));
			Files.createSymbolicLink(data.resolve("inside-link.csv"), Path.of("rides.csv"));
			Files.createSymbolicLink(data.resolve("outside-link.csv"), outside.resolve("secret.csv"));
			Files.createSymbolicLink(data.resolve("outside-dir"), outside);
			return new TestDataDirectory(outside, data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@value #GREEN_RIDES} green rides in the TLC's 2019 Parquet layout, written by DuckDB. */
	private static void writeGreenParquet(Path file) {
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = duckdb.createStatement()) {
			statement.execute("""
					COPY (SELECT 2::BIGINT AS VendorID,
					  TIMESTAMP '2019-10-01 00:00:00' + to_seconds(i * 60) AS lpep_pickup_datetime,
					  TIMESTAMP '2019-10-01 00:05:00' + to_seconds(i * 60) AS lpep_dropoff_datetime,
					  'N' AS store_and_fwd_flag, 1.0::DOUBLE AS RatecodeID, (1 + i)::BIGINT AS PULocationID,
					  75::BIGINT AS DOLocationID, 1.0::DOUBLE AS passenger_count, 1.2::DOUBLE AS trip_distance,
					  7.5::DOUBLE AS fare_amount, 0.5::DOUBLE AS extra, 0.5::DOUBLE AS mta_tax, 0.0::DOUBLE AS tip_amount,
					  0.0::DOUBLE AS tolls_amount, NULL::DOUBLE AS ehail_fee, 0.3::DOUBLE AS improvement_surcharge,
					  8.8::DOUBLE AS total_amount, 2.0::DOUBLE AS payment_type, 1.0::DOUBLE AS trip_type,
					  0.0::DOUBLE AS congestion_surcharge FROM range(%d) t(i)) TO '%s' (FORMAT parquet)
					""".formatted(GREEN_RIDES, file));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
