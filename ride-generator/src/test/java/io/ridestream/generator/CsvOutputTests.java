package io.ridestream.generator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ridestream.model.Dataset;

import static org.assertj.core.api.Assertions.assertThat;

class CsvOutputTests {

	private static final String YELLOW_2019 = "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,"
			+ "trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,"
			+ "mta_tax,tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge";

	private static final String GREEN_2019 = "VendorID,lpep_pickup_datetime,lpep_dropoff_datetime,store_and_fwd_flag,"
			+ "RatecodeID,PULocationID,DOLocationID,passenger_count,trip_distance,fare_amount,extra,mta_tax,tip_amount,"
			+ "tolls_amount,ehail_fee,improvement_surcharge,total_amount,payment_type,trip_type,congestion_surcharge";

	private static final String FHV = "dispatching_base_num,pickup_datetime,dropOff_datetime,PUlocationID,"
			+ "DOlocationID,SR_Flag,Affiliated_base_number";

	private static final Set<String> MONEY = Set.of("fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount",
			"improvement_surcharge", "congestion_surcharge", "airport_fee", "Airport_fee", "cbd_congestion_fee");

	@TempDir
	Path directory;

	static Stream<Arguments> headers() {
		return Stream.of(Arguments.of(Dataset.YELLOW, 2019, YELLOW_2019),
				Arguments.of(Dataset.YELLOW, 2021, YELLOW_2019 + ",airport_fee"),
				Arguments.of(Dataset.YELLOW, 2023, YELLOW_2019 + ",Airport_fee"),
				Arguments.of(Dataset.YELLOW, 2025, YELLOW_2019 + ",Airport_fee,cbd_congestion_fee"),
				Arguments.of(Dataset.GREEN, 2019, GREEN_2019), Arguments.of(Dataset.GREEN, 2021, GREEN_2019),
				Arguments.of(Dataset.GREEN, 2023, GREEN_2019),
				Arguments.of(Dataset.GREEN, 2025, GREEN_2019 + ",cbd_congestion_fee"),
				Arguments.of(Dataset.FHV, 2019, FHV), Arguments.of(Dataset.FHV, 2025, FHV));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("headers")
	void writesTheHeaderAsTheTlcSpellsItAndAFieldForEachColumn(Dataset dataset, int year, String header) {
		String csv = GeneratedCsv.generate(settings(dataset, Layout.ofYear(year), 500));

		assertThat(csv.lines().findFirst()).contains(header);
		assertThat(GeneratedCsv.fields(csv)).hasSize(500)
			.allSatisfy((fields) -> assertThat(fields).hasSize(header.split(",").length));
	}

	@Test
	void gzipCsvIsTheSameTextCompressed() throws IOException {
		GeneratorSettings settings = settings(Dataset.GREEN, Layout.YEAR_2021, 5_000).withMalformedFraction(0.01);
		Path file = this.directory.resolve("green_tripdata_2021-01.csv.gz");

		GenerationResult result = new RideGenerator(settings).write(file);

		assertThat(gunzip(file)).isEqualTo(GeneratedCsv.generate(settings));
		assertThat(result.format()).isEqualTo(OutputFormat.CSV_GZIP);
		assertThat(result.bytes()).isEqualTo(Files.size(file));
		assertThat(result.malformedLines()).isNotEmpty();
	}

	@Test
	void gzipCsvToAStreamCountsTheCompressedBytes() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		GenerationResult result = new RideGenerator(GeneratorSettings.of(2_000)).write(out, OutputFormat.CSV_GZIP);

		assertThat(result.bytes()).isEqualTo(out.size());
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
				.isEqualTo(GeneratedCsv.generate(GeneratorSettings.of(2_000)));
		}
	}

	@Test
	void theFileNameChoosesTheFormat() throws IOException {
		RideGenerator generator = new RideGenerator(GeneratorSettings.of(10));

		assertThat(generator.write(this.directory.resolve("rides.csv")).format()).isEqualTo(OutputFormat.CSV);
		assertThat(generator.write(this.directory.resolve("rides.csv.gz")).format()).isEqualTo(OutputFormat.CSV_GZIP);
		assertThat(generator.write(this.directory.resolve("rides.parquet")).format()).isEqualTo(OutputFormat.PARQUET);
		assertThat(generator.write(this.directory.resolve("rides")).format()).isEqualTo(OutputFormat.CSV);

		assertThat(Files.readString(this.directory.resolve("rides.csv"))).startsWith("VendorID,");
		assertThat(Files.readAllBytes(this.directory.resolve("rides.csv.gz"))).startsWith(0x1f, 0x8b);
		assertThat(Files.readAllBytes(this.directory.resolve("rides.parquet"))).startsWith('P', 'A', 'R', '1');
	}

	static Stream<Arguments> taxiLayouts() {
		return Stream.of(Dataset.YELLOW, Dataset.GREEN)
			.flatMap((dataset) -> Stream.of(Layout.values()).map((layout) -> Arguments.of(dataset, layout)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("taxiLayouts")
	void totalIsTheSumOfTheRecordedPartsInEveryLayout(Dataset dataset, Layout layout) {
		List<Map<String, String>> rows = GeneratedCsv.records(GeneratedCsv.generate(settings(dataset, layout, 5_000)
			.withQuirks(QuirkRates.NONE.withBlankVendor(0.05).withRefunds(0.05))));

		assertThat(rows).allSatisfy((row) -> assertThat(new BigDecimal(row.get("total_amount")))
			.isEqualByComparingTo(row.entrySet().stream()
				.filter((field) -> MONEY.contains(field.getKey()) && !field.getValue().isEmpty())
				.map((field) -> new BigDecimal(field.getValue()))
				.reduce(BigDecimal.ZERO, BigDecimal::add)));
	}

	@Test
	void newerLayoutsChargeTheirYearsFees() {
		List<Map<String, String>> rows = GeneratedCsv.records(GeneratedCsv.generate(
				settings(Dataset.YELLOW, Layout.YEAR_2025, 20_000)));

		Map<Boolean, Set<String>> airportFeesByAirportPickup = rows.stream()
			.filter((row) -> !row.get("Airport_fee").isEmpty())
			.collect(Collectors.partitioningBy((row) -> Set.of("132", "138").contains(row.get("PULocationID")),
					Collectors.mapping((row) -> row.get("Airport_fee").replace("-", ""), Collectors.toSet())));
		assertThat(airportFeesByAirportPickup.get(true)).containsExactly("1.75");
		assertThat(airportFeesByAirportPickup.get(false)).containsExactly("0");
		assertThat(column(rows, "cbd_congestion_fee")).containsOnly("", "0", "0.75", "-0.75").contains("0.75");
		assertThat(column(rows, "improvement_surcharge")).containsOnly("1", "-1");
		assertThat(column(GeneratedCsv.records(GeneratedCsv.generate(GeneratorSettings.of(2_000))),
				"improvement_surcharge")).containsOnly("0.3", "-0.3");
	}

	@Test
	void greenRidesAreStreetHailsOrDispatchesOutsideManhattansCoreWithoutEhailFee() {
		List<Map<String, String>> rows = GeneratedCsv.records(GeneratedCsv.generate(
				settings(Dataset.GREEN, Layout.YEAR_2019, 20_000)));

		assertThat(column(rows, "ehail_fee")).containsOnly("");
		assertThat(column(rows, "trip_type")).containsOnly("", "1", "2");
		assertThat(share(rows, (row) -> row.get("trip_type").equals("1"))).isGreaterThan(0.9);
		assertThat(share(rows, (row) -> row.get("VendorID").equals("2"))).isGreaterThan(0.8);
		assertThat(share(rows, (row) -> Zones.inCongestionZone(Integer.parseInt(row.get("PULocationID")))))
			.isLessThan(0.05);
	}

	@Test
	void fhvRowsNameTheirBasesAndOftenLeaveTheZonesEmpty() {
		List<Map<String, String>> rows = GeneratedCsv.records(GeneratedCsv.generate(
				settings(Dataset.FHV, Layout.YEAR_2019, 20_000)));

		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("dispatching_base_num")).matches("B\\d{5}");
			assertThat(row.get("Affiliated_base_number")).matches("(B\\d{5})?");
			assertThat(row.get("SR_Flag")).isIn("", "1");
			assertThat(row.get("PUlocationID")).matches("|[1-9]\\d{0,2}");
			assertThat(row.get("dropOff_datetime")).isGreaterThan(row.get("pickup_datetime"));
		});
		assertThat(share(rows, (row) -> row.get("PUlocationID").isEmpty())).isBetween(0.17, 0.23);
		assertThat(share(rows, (row) -> row.get("DOlocationID").isEmpty())).isBetween(0.1, 0.14);
		assertThat(share(rows, (row) -> row.get("Affiliated_base_number").isEmpty())).isBetween(0.05, 0.15);
		assertThat(share(rows, (row) -> row.get("SR_Flag").equals("1"))).isBetween(0.01, 0.05);
		assertThat(column(rows, "dispatching_base_num")).hasSizeGreaterThan(5);
	}

	static Stream<Arguments> otherLayouts() {
		return Stream.of(Arguments.of(Dataset.GREEN, Layout.YEAR_2023),
				Arguments.of(Dataset.FHV, Layout.YEAR_2019), Arguments.of(Dataset.YELLOW, Layout.YEAR_2025));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("otherLayouts")
	void brokenRowsOfEveryLayoutAreExactlyTheLinesReportedEachBrokenInOneWay(Dataset dataset,
			Layout layout) throws IOException {
		GeneratorSettings settings = settings(dataset, layout, 4_000);
		List<String> clean = GeneratedCsv.generate(settings).lines().toList();
		StringWriter csv = new StringWriter();

		GenerationResult result = new RideGenerator(settings.withMalformedFraction(0.05)).write(csv);

		List<String> lines = csv.toString().lines().toList();
		List<Long> changed = IntStream.range(0, lines.size())
			.filter((i) -> !lines.get(i).equals(clean.get(i)))
			.mapToObj((i) -> i + 1L)
			.toList();
		assertThat(changed).isEqualTo(result.malformedLines()).hasSizeBetween(140, 260);
		List<Column> columns = settings.layout().columns(dataset);
		assertThat(result.malformedLines()).allSatisfy((line) -> assertThat(
				brokenInOneWay(clean.get((int) (line - 1)), lines.get((int) (line - 1)), columns))
			.as(lines.get((int) (line - 1)))
			.isTrue());
	}

	/**
	 * Whether a row has lost or gained a field, holds a stray quote, or has exactly one field changed into a value
	 * that its column cannot hold.
	 */
	private static boolean brokenInOneWay(String clean, String broken, List<Column> columns) {
		String[] before = clean.split(",", -1);
		String[] after = broken.split(",", -1);
		if (after.length != before.length || broken.contains("\"")) {
			return true;
		}
		int[] changed = IntStream.range(0, after.length).filter((i) -> !after[i].equals(before[i])).toArray();
		if (changed.length != 1) {
			return false;
		}
		Column column = columns.get(changed[0]);
		String value = after[changed[0]];
		if (value.isEmpty()) {
			return column.required();
		}
		if (column.field().kind() == Field.Kind.TIMESTAMP) {
			return !isTimestamp(value);
		}
		if (column.field() == Field.STORE_AND_FWD_FLAG) {
			return !value.equals("Y") && !value.equals("N");
		}
		return !value.matches("-?\\d*\\.?\\d+");
	}

	private static boolean isTimestamp(String value) {
		try {
			LocalDateTime.parse(value, DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
				.withResolverStyle(ResolverStyle.STRICT));
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static Set<String> column(List<Map<String, String>> rows, String name) {
		return rows.stream().map((row) -> row.get(name)).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	private static double share(List<Map<String, String>> rows, Predicate<Map<String, String>> test) {
		return (double) rows.stream().filter(test).count() / rows.size();
	}

	private static String gunzip(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
	}

	private static GeneratorSettings settings(Dataset dataset, Layout layout, long rides) {
		return GeneratorSettings.of(rides).withDataset(dataset).withLayout(layout);
	}

}
