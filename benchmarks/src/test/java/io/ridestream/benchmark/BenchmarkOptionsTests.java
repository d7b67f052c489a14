package io.ridestream.benchmark;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void defaultsToAMillionRidesThreeTimes() {
		BenchmarkOptions options = BenchmarkOptions.parse("--producer-jar", "p.jar", "--consumer-jar", "c.jar");

		assertThat(options).isEqualTo(new BenchmarkOptions(1_000_000, 3, 1, Path.of("p.jar"), Path.of("c.jar"),
				Path.of("target")));
	}

	@Test
	void readsRidesWithUnderscoresAndRepeats() {
		BenchmarkOptions options = BenchmarkOptions.parse("--rides", "100_000", "--repeats", "1", "--producer-jar",
				"p.jar", "--consumer-jar", "c.jar", "--output-dir", "out");

		assertThat(options.rides()).isEqualTo(100_000);
		assertThat(options.repeats()).isEqualTo(1);
		assertThat(options.outputDir()).isEqualTo(Path.of("out"));
	}

	@Test
	void readsTheNumberOfBrokers() {
		BenchmarkOptions options = BenchmarkOptions.parse("--brokers", "3", "--producer-jar", "p", "--consumer-jar", "c");

		assertThat(options.brokers()).isEqualTo(3);
	}

	@Test
	void refusesZeroRepeats() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse("--repeats", "0", "--producer-jar", "p", "--consumer-jar", "c"))
			.withMessage("--repeats must be at least 1, was 0");
	}

	@Test
	void refusesUnknownOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--ride", "5"))
			.withMessage("Unknown option --ride");
	}

	@Test
	void refusesAMissingValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--rides"))
			.withMessage("Missing value for --rides");
	}

}
