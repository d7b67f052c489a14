package io.ridestream.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ridestream.model.Dataset;
import io.ridestream.read.RideRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateRidesTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream standardOutput = new ByteArrayOutputStream();

	private final ByteArrayOutputStream standardError = new ByteArrayOutputStream();

	@Test
	void writesTheRequestedNumberOfRidesToAFile() throws IOException {
		Path file = this.directory.resolve("rides.csv");

		int status = run("--rides", "1500", "--output", file.toString());

		assertThat(status).isZero();
		assertThat(GeneratedCsv.rows(Files.readString(file))).hasSize(1_500).allMatch(RideRow.Parsed.class::isInstance);
		assertThat(this.standardOutput.size()).isZero();
	}

	@Test
	void printsAOneLineSummaryToStandardError() {
		Path file = this.directory.resolve("rides.csv");

		run("--rides=1200", "--output=" + file, "--malformed-fraction=0.5");

		assertThat(error()).startsWith("Wrote 1,200 yellow rides (csv, 2019 layout, ")
			.containsPattern(", \\d{3} malformed\\) to " + file.toString().replace("\\", "\\\\")
					+ ": [0-9.]+ MB in [0-9.]+ s, [0-9,]+ rows/s\\n$")
			.hasLineCount(1);
	}

	@Test
	void writesToStandardOutputForADash() {
		int status = run("--rides", "250", "--output", "-");

		assertThat(status).isZero();
		assertThat(GeneratedCsv.rows(this.standardOutput.toString(StandardCharsets.US_ASCII))).hasSize(250);
		assertThat(error()).startsWith("Wrote 250 yellow rides (csv, 2019 layout, 0 malformed) to -");
	}

	@Test
	void usesTheSeedStartAndRate() {
		run("--rides", "100", "--output", "-", "--seed", "99", "--start", "2019-01-31T23:00:00",
				"--rides-per-minute", "2.5");

		String expected = GeneratedCsv.generate(GeneratorSettings.of(100)
			.withSeed(99)
			.withStart(java.time.LocalDateTime.of(2019, 1, 31, 23, 0))
			.withRidesPerMinute(2.5));
		assertThat(this.standardOutput.toString(StandardCharsets.US_ASCII)).isEqualTo(expected);
	}

	@Test
	void listsTheMalformedLinesInAFileWhenAsked() throws IOException {
		Path file = this.directory.resolve("rides.csv");
		Path malformedLines = this.directory.resolve("malformed.txt");

		run("--rides", "2000", "--output", file.toString(), "--malformed-fraction", "0.02", "--malformed-lines",
				malformedLines.toString());

		List<String> rejected = GeneratedCsv.rows(Files.readString(file)).stream()
			.filter(RideRow.Rejected.class::isInstance)
			.map((row) -> String.valueOf(row.position()))
			.toList();
		assertThat(rejected).isNotEmpty();
		assertThat(Files.readAllLines(malformedLines)).isEqualTo(rejected);
	}

	@Test
	void writesTheDatasetLayoutAndFormatAsked() throws IOException {
		Path file = this.directory.resolve("green_tripdata_2023-01.parquet");

		int status = run("--rides", "800", "--dataset", "green", "--layout", "2023", "--output", file.toString());

		assertThat(status).isZero();
		ParquetContents parquet = ParquetContents.read(file);
		assertThat(parquet.rows()).hasSize(800);
		assertThat(parquet.columnTypes()).startsWith("VendorID INT32", "lpep_pickup_datetime TIMESTAMP(MICROS)");
		assertThat(error()).startsWith("Wrote 800 green rides (parquet, 2023 layout, 0 malformed) to " + file);
	}

	@Test
	void formatOptionWinsOverTheFileName() throws IOException {
		Path file = this.directory.resolve("rides.data");

		run("--rides", "300", "--format", "csv.gz", "--output", file.toString());

		assertThat(Files.readAllBytes(file)).startsWith(0x1f, 0x8b);
		assertThat(error()).startsWith("Wrote 300 yellow rides (csv.gz, 2019 layout, 0 malformed)");
	}

	@Test
	void listsTheOddRowsOnASecondLineWhenAskedForThem() {
		run("--rides", "5000", "--output", "-", "--layout", "2021", "--blank-vendor-fraction", "0.1",
				"--outlier-fraction", "0.1", "--refund-fraction", "0.1", "--unusual-codes-fraction", "0.1");

		assertThat(error()).hasLineCount(2)
			.containsPattern("\\nOdd rows: [\\d,]+ without vendor, [\\d,]+ refunds, [\\d,]+ with payment type 0, "
					+ "[\\d,]+ with vendor 5 or 6, [\\d,]+ picked up before the month, [\\d,]+ in far-off years\\n$");
	}

	@Test
	void writesAJsonReportOfWhatWasWritten() throws IOException {
		Path file = this.directory.resolve("fhv_tripdata_2019-01.csv.gz");
		Path report = this.directory.resolve("report.json");

		run("--rides", "2000", "--dataset", "fhv", "--output", file.toString(), "--outlier-fraction", "0.05",
				"--seed", "12", "--report", report.toString());

		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(report));
		GenerationResult expected = new RideGenerator(GeneratorSettings.of(2000).withDataset(Dataset.FHV)
			.withSeed(12)
			.withQuirks(QuirkRates.NONE.withOutliers(0.05))).write(this.directory.resolve("expected.csv.gz"));
		assertThat(json.get("output").asString()).isEqualTo(file.toString());
		assertThat(json.get("dataset").asString()).isEqualTo("fhv");
		assertThat(json.get("format").asString()).isEqualTo("csv.gz");
		assertThat(json.get("layout").asInt()).isEqualTo(2019);
		assertThat(json.get("rows").asLong()).isEqualTo(2000);
		assertThat(json.get("malformedRows").asLong()).isZero();
		assertThat(json.get("bytes").asLong()).isEqualTo(Files.size(file));
		assertThat(json.get("seed").asLong()).isEqualTo(12);
		assertThat(json.get("seconds").isNumber()).isTrue();
		JsonNode quirks = json.get("quirks");
		assertThat(quirks.get("pickupsBeforeMonth").asLong()).isEqualTo(expected.quirks().pickupsBeforeMonth())
			.isPositive();
		assertThat(quirks.get("pickupsInFarOffYears").asLong()).isEqualTo(expected.quirks().pickupsInFarOffYears());
		assertThat(quirks.get("blankPickupLocations").asLong()).isEqualTo(expected.quirks().blankPickupLocations());
		assertThat(quirks.get("blankDropoffLocations").asLong()).isEqualTo(expected.quirks().blankDropoffLocations());
		assertThat(quirks.get("blankVendor").asLong()).isZero();
	}

	@Test
	void refusesWhatParquetOrStandardOutputCannotTake() {
		String parquet = this.directory.resolve("rides.parquet").toString();

		assertThat(usageErrorOf("--output", parquet, "--malformed-fraction", "0.01"))
			.startsWith("--malformed-fraction is for CSV only");
		assertThat(usageErrorOf("--output", parquet, "--malformed-lines", "lines.txt"))
			.startsWith("--malformed-lines is for CSV only");
		assertThat(usageErrorOf("--output", "-", "--format", "parquet"))
			.startsWith("--format parquet needs a file: standard output takes CSV only");
		assertThat(usageErrorOf("--output", "-", "--format", "csv.gz")).startsWith("--format csv.gz needs a file");
	}

	@Test
	void refusesTaxiQuirksForFhv() {
		assertThat(usageErrorOf("--output", "-", "--dataset", "fhv", "--refund-fraction", "0.1"))
			.startsWith("--refund-fraction does not apply to fhv");
		assertThat(usageErrorOf("--output", "-", "--dataset", "fhv", "--blank-vendor-fraction", "0.1"))
			.startsWith("--blank-vendor-fraction does not apply to fhv");
		assertThat(usageErrorOf("--output", "-", "--dataset", "fhv", "--unusual-codes-fraction", "0.1"))
			.startsWith("--unusual-codes-fraction does not apply to fhv");
	}

	@Test
	void missingRidesIsAUsageError() {
		int status = run("--output", "-");

		assertThat(status).isEqualTo(2);
		assertThat(error()).startsWith("Missing required option --rides\n").contains("Usage:");
		assertThat(this.standardOutput.size()).isZero();
	}

	@Test
	void missingOutputIsAUsageError() {
		assertThat(run("--rides", "10")).isEqualTo(2);
		assertThat(error()).startsWith("Missing required option --output\n");
	}

	@Test
	void unknownOptionIsAUsageError() {
		assertThat(run("--rides", "10", "--output", "-", "--colour", "yellow")).isEqualTo(2);
		assertThat(error()).startsWith("Unknown option: --colour\n");
	}

	@Test
	void optionWithoutValueIsAUsageError() {
		assertThat(run("--output", "-", "--rides")).isEqualTo(2);
		assertThat(error()).startsWith("Missing value for --rides\n");
	}

	@Test
	void invalidValuesAreUsageErrorsNamingTheOption() {
		assertThat(usageError("--rides", "many")).startsWith("--rides must be a whole number: 'many'");
		assertThat(usageError("--rides", "-1")).startsWith("--rides must not be negative: '-1'");
		assertThat(usageError("--malformed-fraction", "1.5"))
			.startsWith("--malformed-fraction must be between 0 and 1: '1.5'");
		assertThat(usageError("--malformed-fraction", "NaN"))
			.startsWith("--malformed-fraction must be between 0 and 1: 'NaN'");
		assertThat(usageError("--rides-per-minute", "0")).startsWith("--rides-per-minute must be a positive number");
		assertThat(usageError("--seed", "0x10")).startsWith("--seed must be a whole number: '0x10'");
		assertThat(usageError("--start", "2020-07-01 00:00")).startsWith("--start must be a date-time like");
		assertThat(usageError("--start", "0020-07-01T00:00:00")).startsWith("--start must be in the years 1900 to 2999");
		assertThat(usageError("--dataset", "purple")).startsWith("--dataset must be yellow, green or fhv: 'purple'");
		assertThat(usageError("--layout", "2020"))
			.startsWith("--layout must be one of the years 2019, 2021, 2023, 2025: '2020'");
		assertThat(usageError("--format", "xlsx")).startsWith("--format must be csv, csv.gz or parquet: 'xlsx'");
		assertThat(usageError("--outlier-fraction", "2")).startsWith("--outlier-fraction must be between 0 and 1: '2'");
		assertThat(usageError("--refund-fraction", "x")).startsWith("--refund-fraction must be a number: 'x'");
	}

	@Test
	void helpPrintsTheUsageToStandardOutput() {
		int status = run("--help");

		assertThat(status).isZero();
		assertThat(this.standardOutput.toString(StandardCharsets.UTF_8)).startsWith("Usage:")
			.contains("--rides N", "--output PATH", "--seed S", "--malformed-fraction F", "--start DATE-TIME",
					"--rides-per-minute R", "--dataset NAME", "--format NAME", "--layout YEAR", "--blank-vendor-fraction F",
					"--outlier-fraction F", "--refund-fraction F", "--unusual-codes-fraction F", "--report PATH");
	}

	@Test
	void unwritableOutputFailsWithStatusOne() {
		Path file = this.directory.resolve("no-such-directory").resolve("rides.csv");

		int status = run("--rides", "10", "--output", file.toString());

		assertThat(status).isEqualTo(1);
		assertThat(error()).isEqualTo("Cannot write " + file + ": no such directory\n");
	}

	/** The message of a usage error for the options given after {@code --rides 10}. */
	private String usageErrorOf(String... options) {
		this.standardError.reset();
		String[] args = new String[options.length + 2];
		args[0] = "--rides";
		args[1] = "10";
		System.arraycopy(options, 0, args, 2, options.length);
		assertThat(run(args)).as(String.join(" ", options)).isEqualTo(2);
		assertThat(this.standardOutput.size()).isZero();
		return error();
	}

	private String usageError(String option, String value) {
		this.standardError.reset();
		String rides = option.equals("--rides") ? value : "10";
		String[] args = option.equals("--rides") ? new String[] { "--output", "-", "--rides", rides }
				: new String[] { "--output", "-", "--rides", rides, option, value };
		assertThat(run(args)).as("%s %s", option, value).isEqualTo(2);
		assertThat(this.standardOutput.size()).isZero();
		return error();
	}

	private int run(String... args) {
		PrintStream err = new PrintStream(this.standardError, true, StandardCharsets.UTF_8);
		return GenerateRides.run(args, this.standardOutput, err);
	}

	private String error() {
		return this.standardError.toString(StandardCharsets.UTF_8);
	}

}
