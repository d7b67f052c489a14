package io.ridestream.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ridestream.model.Dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ParquetOutputTests {

	@TempDir
	Path directory;

	static Stream<Arguments> physicalTypes() {
		String money = "fare_amount DOUBLE, extra DOUBLE, mta_tax DOUBLE, tip_amount DOUBLE, tolls_amount DOUBLE, ";
		String yellow2019 = "VendorID INT64, tpep_pickup_datetime TIMESTAMP(MICROS), "
				+ "tpep_dropoff_datetime TIMESTAMP(MICROS), passenger_count DOUBLE, trip_distance DOUBLE, "
				+ "RatecodeID DOUBLE, store_and_fwd_flag STRING, PULocationID INT64, DOLocationID INT64, "
				+ "payment_type INT64, " + money
				+ "improvement_surcharge DOUBLE, total_amount DOUBLE, congestion_surcharge DOUBLE";
		String yellow2023 = "VendorID INT32, tpep_pickup_datetime TIMESTAMP(MICROS), "
				+ "tpep_dropoff_datetime TIMESTAMP(MICROS), passenger_count INT64, trip_distance DOUBLE, "
				+ "RatecodeID INT64, store_and_fwd_flag STRING, PULocationID INT32, DOLocationID INT32, "
				+ "payment_type INT64, " + money
				+ "improvement_surcharge DOUBLE, total_amount DOUBLE, congestion_surcharge DOUBLE, Airport_fee DOUBLE";
		String green2019 = "VendorID INT64, lpep_pickup_datetime TIMESTAMP(MICROS), "
				+ "lpep_dropoff_datetime TIMESTAMP(MICROS), store_and_fwd_flag STRING, RatecodeID DOUBLE, "
				+ "PULocationID INT64, DOLocationID INT64, passenger_count DOUBLE, trip_distance DOUBLE, " + money
				+ "ehail_fee DOUBLE, improvement_surcharge DOUBLE, total_amount DOUBLE, payment_type DOUBLE, "
				+ "trip_type DOUBLE, congestion_surcharge DOUBLE";
		String green2023 = "VendorID INT32, lpep_pickup_datetime TIMESTAMP(MICROS), "
				+ "lpep_dropoff_datetime TIMESTAMP(MICROS), store_and_fwd_flag STRING, RatecodeID INT64, "
				+ "PULocationID INT32, DOLocationID INT32, passenger_count INT64, trip_distance DOUBLE, " + money
				+ "ehail_fee DOUBLE, improvement_surcharge DOUBLE, total_amount DOUBLE, payment_type INT64, "
				+ "trip_type INT64, congestion_surcharge DOUBLE";
		String fhv2019 = "dispatching_base_num STRING, pickup_datetime TIMESTAMP(MICROS), "
				+ "dropOff_datetime TIMESTAMP(MICROS), PUlocationID DOUBLE, DOlocationID DOUBLE, SR_Flag INT32, "
				+ "Affiliated_base_number STRING";
		return Stream.of(Arguments.of(Dataset.YELLOW, 2019, yellow2019),
				Arguments.of(Dataset.YELLOW, 2021, yellow2019 + ", airport_fee DOUBLE"),
				Arguments.of(Dataset.YELLOW, 2023, yellow2023),
				Arguments.of(Dataset.YELLOW, 2025,
						nanoseconds(yellow2023) + ", cbd_congestion_fee DOUBLE"),
				Arguments.of(Dataset.GREEN, 2019, green2019), Arguments.of(Dataset.GREEN, 2021, green2019),
				Arguments.of(Dataset.GREEN, 2023, green2023),
				Arguments.of(Dataset.GREEN, 2025, nanoseconds(green2023) + ", cbd_congestion_fee DOUBLE"),
				Arguments.of(Dataset.FHV, 2019, fhv2019), Arguments.of(Dataset.FHV, 2021, fhv2019),
				Arguments.of(Dataset.FHV, 2023, fhv2019), Arguments.of(Dataset.FHV, 2025, nanoseconds(fhv2019)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("physicalTypes")
	void storesEachColumnInTheYearsPhysicalTypeAsOptional(Dataset dataset, int year, String columnTypes)
			throws IOException {
		Path file = write(settings(dataset, year, 100));

		ParquetContents parquet = ParquetContents.read(file);

		assertThat(String.join(", ", parquet.columnTypes())).isEqualTo(columnTypes);
		assertThat(parquet.schema().getFields()).allMatch((field) -> field.isRepetition(Type.Repetition.OPTIONAL));
	}

	static Stream<Arguments> datasetsAndYears() {
		return physicalTypes().map((arguments) -> Arguments.of(arguments.get()[0], arguments.get()[1]));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("datasetsAndYears")
	void holdsTheSameRidesAsTheCsvOfTheSameSettings(Dataset dataset, int year) throws IOException {
		GeneratorSettings settings = settings(dataset, year, 3_000)
			.withQuirks(dataset.hasFares() ? QuirkRates.NONE.withBlankVendor(0.02).withRefunds(0.02)
				.withUnusualCodes(0.02).withOutliers(0.02) : QuirkRates.NONE.withOutliers(0.02));

		GenerationResult result = new RideGenerator(settings).write(this.directory.resolve("rides.parquet"));
		ParquetContents parquet = ParquetContents.read(this.directory.resolve("rides.parquet"));

		String csv = GeneratedCsv.generate(settings);
		List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
		assertThat(parquet.schema().getFields().stream().map(Type::getName)).containsExactlyElementsOf(header);
		assertThat(parquet.rows()).hasSize(3_000).containsExactlyElementsOf(asParquetText(csv, parquet));
		assertThat(result.rows()).isEqualTo(3_000);
		assertThat(result.bytes()).isEqualTo(Files.size(this.directory.resolve("rides.parquet")));
		assertThat(result.format()).isEqualTo(OutputFormat.PARQUET);
	}

	@Test
	void sameSeedWritesIdenticalBytes() throws IOException {
		GeneratorSettings settings = settings(Dataset.GREEN, 2023, 5_000).withQuirks(QuirkRates.NONE.withOutliers(0.1));

		byte[] first = Files.readAllBytes(write(settings));
		byte[] second = Files.readAllBytes(write(settings));

		assertThat(first).isEqualTo(second);
	}

	@Test
	void timestampsInNanosecondsAndMicrosecondsReadBackAsTheSameTimes() throws IOException {
		GeneratorSettings settings = settings(Dataset.YELLOW, 2023, 1_000);

		List<List<String>> micros = ParquetContents.read(write(settings)).rows();
		List<List<String>> nanos = ParquetContents.read(write(settings.withLayout(Layout.YEAR_2025))).rows();

		assertThat(nanos.stream().map((row) -> row.subList(1, 3)))
			.containsExactlyElementsOf(micros.stream().map((row) -> row.subList(1, 3)).toList());
	}

	@Test
	void refusesBrokenRowsWhichOnlyCsvCanHold() {
		RideGenerator generator = new RideGenerator(GeneratorSettings.of(10).withMalformedFraction(0.1));

		assertThatIllegalArgumentException().isThrownBy(() -> generator.write(this.directory.resolve("x.parquet")))
			.withMessageContaining("CSV only");
		assertThat(this.directory.resolve("x.parquet")).doesNotExist();
	}

	@Test
	void refusesStartsThatTimestampsInNanosecondsCannotHold() {
		RideGenerator generator = new RideGenerator(
				settings(Dataset.FHV, 2025, 10).withStart(LocalDateTime.of(2300, 1, 1, 0, 0)));

		assertThatIllegalArgumentException().isThrownBy(() -> generator.write(this.directory.resolve("x.parquet")))
			.withMessageContaining("2262");
	}

	@Test
	void writesParquetToAFileOnly() {
		RideGenerator generator = new RideGenerator(GeneratorSettings.of(10));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> generator.write(new ByteArrayOutputStream(), OutputFormat.PARQUET));
	}

	/** The rows of a CSV with their numbers rendered as {@link ParquetContents} renders them. */
	private static List<List<String>> asParquetText(String csv, ParquetContents parquet) {
		// Numbers are the columns without an annotation; times and text have theirs.
		List<Boolean> numeric = parquet.schema().getFields().stream()
			.map((field) -> field.getLogicalTypeAnnotation() == null)
			.toList();
		List<List<String>> rows = new ArrayList<>();
		for (List<String> fields : GeneratedCsv.fields(csv)) {
			List<String> row = new ArrayList<>();
			for (int i = 0; i < fields.size(); i++) {
				row.add(numeric.get(i) ? ParquetContents.plainNumber(fields.get(i)) : fields.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

	private Path write(GeneratorSettings settings) throws IOException {
		Path file = Files.createTempFile(this.directory, "rides", ".parquet");
		new RideGenerator(settings).write(file);
		return file;
	}

	static GeneratorSettings settings(Dataset dataset, int year, long rides) {
		return GeneratorSettings.of(rides).withDataset(dataset).withLayout(Layout.ofYear(year));
	}

	private static String nanoseconds(String columnTypes) {
		return columnTypes.replace("TIMESTAMP(MICROS)", "TIMESTAMP(NANOS)");
	}

}
