package io.ridestream.generator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ridestream.model.Dataset;

import static org.assertj.core.api.Assertions.assertThat;

/** DuckDB, a Parquet reader independent of parquet-java, reads the files as the CSV of the same settings says. */
class DuckDbReadsTheParquetTests {

	@TempDir
	Path directory;

	private Connection duckDb;

	@BeforeEach
	void connect() throws SQLException {
		this.duckDb = DriverManager.getConnection("jdbc:duckdb:");
	}

	@AfterEach
	void close() throws SQLException {
		this.duckDb.close();
	}

	static Stream<Arguments> taxiLayouts() {
		return Stream.of(Dataset.YELLOW, Dataset.GREEN)
			.flatMap((dataset) -> Stream.of(Layout.values()).map((layout) -> Arguments.of(dataset, layout)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("taxiLayouts")
	void countsTaxiRidesAndSumsTheirTotalsAsWritten(Dataset dataset, Layout layout) throws Exception {
		GeneratorSettings settings = GeneratorSettings.of(4_000).withDataset(dataset).withLayout(layout)
			.withQuirks(QuirkRates.NONE.withBlankVendor(0.05).withRefunds(0.05).withOutliers(0.02));
		String pickup = (dataset == Dataset.YELLOW) ? "tpep_pickup_datetime" : "lpep_pickup_datetime";
		List<Map<String, String>> csv = GeneratedCsv.records(GeneratedCsv.generate(settings));

		Map<String, Object> read = query(write(settings), "count(*)", "sum(CAST(round(total_amount * 100) AS BIGINT))",
				"count(VendorID)", "count(passenger_count)", "strftime(min(" + pickup + "), '%Y-%m-%d %H:%M:%S')",
				"strftime(max(" + pickup + "), '%Y-%m-%d %H:%M:%S')");

		assertThat(read.values()).containsExactly(4_000L, cents(csv, "total_amount"), nonEmpty(csv, "VendorID"),
				nonEmpty(csv, "passenger_count"), min(csv, pickup), max(csv, pickup));
	}

	@ParameterizedTest(name = "fhv {0}")
	@MethodSource("layouts")
	void countsFhvRidesAndTheirRecordedZonesAsWritten(Layout layout) throws Exception {
		GeneratorSettings settings = GeneratorSettings.of(4_000).withDataset(Dataset.FHV).withLayout(layout);
		List<Map<String, String>> csv = GeneratedCsv.records(GeneratedCsv.generate(settings));

		Map<String, Object> read = query(write(settings), "count(*)", "count(PUlocationID)", "count(DOlocationID)",
				"CAST(sum(PUlocationID) AS BIGINT)", "count(SR_Flag)", "count(DISTINCT dispatching_base_num)",
				"count(Affiliated_base_number)", "strftime(min(pickup_datetime), '%Y-%m-%d %H:%M:%S')");

		assertThat(read.values()).containsExactly(4_000L, nonEmpty(csv, "PUlocationID"), nonEmpty(csv, "DOlocationID"),
				csv.stream().map((row) -> row.get("PUlocationID")).filter((id) -> !id.isEmpty())
					.mapToLong(Long::parseLong).sum(),
				nonEmpty(csv, "SR_Flag"), csv.stream().map((row) -> row.get("dispatching_base_num")).distinct().count(),
				nonEmpty(csv, "Affiliated_base_number"), min(csv, "pickup_datetime"));
	}

	static Stream<Layout> layouts() {
		return Stream.of(Layout.values());
	}

	@Test
	void seesTheTypesOfEachYear() throws Exception {
		GeneratorSettings settings = GeneratorSettings.of(10);

		Map<String, Object> older = query(write(settings), "typeof(VendorID)", "typeof(tpep_pickup_datetime)",
				"typeof(passenger_count)", "typeof(PULocationID)");
		Map<String, Object> newer = query(write(settings.withLayout(Layout.YEAR_2025)), "typeof(VendorID)",
				"typeof(tpep_pickup_datetime)", "typeof(passenger_count)", "typeof(PULocationID)");

		assertThat(older.values()).containsExactly("BIGINT", "TIMESTAMP", "DOUBLE", "BIGINT");
		assertThat(newer.values()).containsExactly("INTEGER", "TIMESTAMP_NS", "BIGINT", "INTEGER");
	}

	private Map<String, Object> query(Path file, String... expressions) throws SQLException {
		String sql = "SELECT " + String.join(", ", expressions) + " FROM read_parquet('"
				+ file.toString().replace("'", "''") + "')";
		try (Statement statement = this.duckDb.createStatement(); ResultSet results = statement.executeQuery(sql)) {
			results.next();
			Map<String, Object> values = new LinkedHashMap<>();
			for (int i = 0; i < expressions.length; i++) {
				Object value = results.getObject(i + 1);
				values.put(expressions[i], (value instanceof Number number && !(value instanceof BigDecimal))
						? (Object) number.longValue() : value);
			}
			return values;
		}
	}

	private Path write(GeneratorSettings settings) throws IOException {
		Path file = this.directory.resolve("rides-" + System.nanoTime() + ".parquet");
		new RideGenerator(settings).write(file);
		return file;
	}

	private static long cents(List<Map<String, String>> csv, String column) {
		return csv.stream().map((row) -> new BigDecimal(row.get(column)).movePointRight(2))
			.mapToLong(BigDecimal::longValueExact)
			.sum();
	}

	private static long nonEmpty(List<Map<String, String>> csv, String column) {
		return csv.stream().filter((row) -> !row.get(column).isEmpty()).count();
	}

	private static String min(List<Map<String, String>> csv, String column) {
		return csv.stream().map((row) -> row.get(column)).min(String::compareTo).orElseThrow();
	}

	private static String max(List<Map<String, String>> csv, String column) {
		return csv.stream().map((row) -> row.get(column)).max(String::compareTo).orElseThrow();
	}

}
