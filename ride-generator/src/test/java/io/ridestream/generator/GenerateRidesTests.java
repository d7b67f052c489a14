package io.ridestream.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ridestream.model.CsvRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		assertThat(GeneratedCsv.rows(Files.readString(file))).hasSize(1_500).allMatch(CsvRow.Parsed.class::isInstance);
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
			.filter(CsvRow.Rejected.class::isInstance)
			.map((row) -> String.valueOf(row.line()))
			.toList();
		assertThat(rejected).isNotEmpty();
		assertThat(Files.readAllLines(malformedLines)).isEqualTo(rejected);
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
	}

	@Test
	void helpPrintsTheUsageToStandardOutput() {
		int status = run("--help");

		assertThat(status).isZero();
		assertThat(this.standardOutput.toString(StandardCharsets.UTF_8)).startsWith("Usage:")
			.contains("--rides N", "--output PATH", "--seed S", "--malformed-fraction F", "--start DATE-TIME",
					"--rides-per-minute R");
	}

	@Test
	void unwritableOutputFailsWithStatusOne() {
		Path file = this.directory.resolve("no-such-directory").resolve("rides.csv");

		int status = run("--rides", "10", "--output", file.toString());

		assertThat(status).isEqualTo(1);
		assertThat(error()).isEqualTo("Cannot write " + file + ": no such directory\n");
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
