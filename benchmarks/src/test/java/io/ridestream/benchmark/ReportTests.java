package io.ridestream.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	private static final double MIB = 1024 * 1024;

	private static final BenchmarkSetup SETUP = new BenchmarkSetup("2026-11-25 04:30 UTC", "2 CPUs", "4.1.2",
			1_000_000, 3, 365.4, 10_000);

	@Test
	void showsMedianThroughputsAndTheMedianOfThePerRunRatios() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000), run(2, 200_000, 60_000),
				run(3, 300_000, 30_000)));

		// Replay medians 50,000; ratios 0.50, 0.30, 0.10 give 0.30 (not 50,000 / 200,000 = 0.25).
		assertThat(report).contains("| Produce, tool without transactions | 200,000 | 50,000 | 0.30 |");
	}

	@Test
	void showsHowManyRecordsTheToolsTransactionsHeld() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000)));

		// 90,000 records/s committed every 11 ms.
		assertThat(report).contains("| Produce, tool with a transaction every 11 ms (~990 records; the service: 10,000) "
				+ "| 90,000 | 50,000 | 0.56 |");
	}

	@Test
	void showsServiceMediansInMebibytesAndSeconds() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000)));

		assertThat(report).contains("| ride-producer-service | 4.25 | 300 | 120 |");
	}

	@Test
	void listsEveryRun() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000), run(2, 200_000, 60_000)));

		assertThat(report).contains("| 1 | 100,000 | 90,000 (11) | 50,000 (60,000) |")
			.contains("| 2 | 200,000 | 90,000 (11) | 60,000 (72,000) |");
	}

	@Test
	void showsAnUnmeasuredFigureAsNotAvailable() {
		RunResult unmeasured = new RunResult(1, 100_000, 90_000, 11, 50_000, 60_000, 400_000, Double.NaN,
				new ServiceFootprint(4.25, 300 * MIB, 120 * MIB), new ServiceFootprint(5, 400 * MIB, Double.NaN));

		String report = Report.markdown(SETUP, List.of(unmeasured));

		assertThat(report).contains("| Consume | 400,000 | n/a | n/a |").contains("| ride-consumer-service | 5.00 | 400 | n/a |");
	}

	private static RunResult run(int run, double producerPerformance, double replay) {
		return new RunResult(run, producerPerformance, 90_000, 11, replay, replay * 1.2, 400_000, 100_000,
				new ServiceFootprint(4.25, 300 * MIB, 120 * MIB), new ServiceFootprint(5, 400 * MIB, 200 * MIB));
	}

}
