package io.ridestream.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;
import io.ridestream.read.RideFiles;
import io.ridestream.read.RideReader;
import io.ridestream.read.RideRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' readers take every row the generator writes, quirks included, in every dataset, format and layout:
 * the odd rows of real TLC files are rides, not rejected rows.
 */
class ReadersTakeWhatItWritesTests {

	private static final int RIDES = 3_000;

	@TempDir
	Path dir;

	static List<Arguments> files() {
		List<Arguments> files = new ArrayList<>();
		for (Dataset dataset : Dataset.values()) {
			for (OutputFormat format : OutputFormat.values()) {
				for (Layout layout : Layout.values()) {
					files.add(Arguments.of(dataset, format, layout));
				}
			}
		}
		return files;
	}

	@ParameterizedTest(name = "{0} {2} as {1}")
	@MethodSource("files")
	void readsEveryRowAsARideOfItsDataset(Dataset dataset, OutputFormat format, Layout layout) throws IOException {
		QuirkRates quirks = (dataset == Dataset.FHV) ? QuirkRates.NONE.withOutliers(0.05)
				: new QuirkRates(0.05, 0.05, 0.05, 0.05);
		Path file = this.dir.resolve(dataset.wireName() + "." + format.wireName());
		GenerationResult result = new RideGenerator(GeneratorSettings.of(RIDES).withDataset(dataset)
			.withLayout(layout)
			.withQuirks(quirks)).write(file, format);

		List<RideRow> rows = new ArrayList<>();
		try (RideReader reader = RideFiles.open(file)) {
			assertThat(reader.dataset().name()).isEqualTo(dataset.name());
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
		}

		assertThat(rows).hasSize(RIDES).allSatisfy((row) -> assertThat(row).isInstanceOf(RideRow.Parsed.class));
		List<Ride> rides = rows.stream().map((row) -> ((RideRow.Parsed) row).ride()).toList();
		if (dataset != Dataset.FHV) {
			assertThat(rides.stream().filter((ride) -> ride.vendorId() == null).count())
				.isEqualTo(result.quirks().blankVendor());
		}
	}

}
