package io.ridestream.generator;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.ridestream.model.Dataset;
import io.ridestream.read.RideRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedRowsTests {

	@Test
	void reportedMalformedLinesAreExactlyTheLinesTheReaderRejects() throws IOException {
		StringWriter csv = new StringWriter();
		GenerationResult result = new RideGenerator(GeneratorSettings.of(10_000).withMalformedFraction(0.01))
			.write(csv);

		List<RideRow> rows = GeneratedCsv.rows(csv.toString());

		assertThat(rows).hasSize(10_000);
		assertThat(rows.stream().filter(RideRow.Rejected.class::isInstance).map(RideRow::position))
			.containsExactlyElementsOf(result.malformedLines());
		assertThat(result.malformedRows()).isBetween(70L, 130L);
		assertThat(result.wellFormedRows()).isEqualTo(10_000 - result.malformedRows());
	}

	@Test
	void breaksRowsInVariedWays() {
		List<RideRow> rows = GeneratedCsv.rows(GeneratedCsv.generate(GeneratorSettings.of(400).withMalformedFraction(1)));

		Map<String, Long> reasons = rows.stream()
			.map((row) -> ((RideRow.Rejected) row).reason())
			.collect(Collectors.groupingBy(MalformedRowsTests::kindOfReason, Collectors.counting()));
		assertThat(reasons).containsOnlyKeys("not a number", "not a date-time", "missing required value",
				"store_and_fwd_flag", "field count", "unterminated quote");
	}

	@Test
	void breakingRowsLeavesTheOtherRidesAsTheyWere() {
		GeneratorSettings settings = GeneratorSettings.of(3_000).withSeed(7);
		List<RideRow> clean = GeneratedCsv.rows(GeneratedCsv.generate(settings));
		List<RideRow> withBroken = GeneratedCsv.rows(GeneratedCsv.generate(settings.withMalformedFraction(0.05)));

		Map<Long, RideRow> cleanByLine = clean.stream().collect(Collectors.toMap(RideRow::position, Function.identity()));
		assertThat(withBroken).filteredOn(RideRow.Parsed.class::isInstance)
			.hasSizeLessThan(3_000)
			.allSatisfy((row) -> assertThat(row).isEqualTo(cleanByLine.get(row.position())));
	}

	@Test
	void writesNoMalformedRowsByDefault() throws IOException {
		GenerationResult result = new RideGenerator(GeneratorSettings.of(5_000)).write(new StringWriter());

		assertThat(result.malformedLines()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Malformation.class)
	void everyKindOfBrokenRowIsRejectedByTheReader(Malformation malformation) {
		String csv = GeneratedCsv.generate(GeneratorSettings.of(300));
		SplittableRandom random = new SplittableRandom(3);
		Malformation.Targets targets = new CsvFormat(Layout.YEAR_2019.columns(Dataset.YELLOW)).targets();
		String broken = csv.lines()
			.map((line) -> line.startsWith("VendorID") ? line : malformation.apply(line, random, targets))
			.collect(Collectors.joining("\n"));

		assertThat(GeneratedCsv.rows(broken)).hasSize(300).allMatch(RideRow.Rejected.class::isInstance);
	}

	private static String kindOfReason(String reason) {
		if (reason.contains("is not an integer") || reason.contains("is not a decimal number")) {
			return "not a number";
		}
		if (reason.contains("is not a date-time")) {
			return "not a date-time";
		}
		if (reason.contains("missing required value")) {
			return "missing required value";
		}
		if (reason.startsWith("store_and_fwd_flag")) {
			return "store_and_fwd_flag";
		}
		if (reason.startsWith("expected 18 fields")) {
			return "field count";
		}
		if (reason.contains("unterminated quoted field")) {
			return "unterminated quote";
		}
		return reason;
	}

}
