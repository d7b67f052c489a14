package io.ridestream.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	private static final EndToEndLatency.Result LATENCY = new EndToEndLatency.Result(300_000, 120, 310, 480);

	private static final double MIB = 1024 * 1024;

	private static final BenchmarkSetup SETUP = new BenchmarkSetup("2026-11-25 04:30 UTC", "2 CPUs", "4.1.2",
			1_000_000, 3, 1, 365.4, 10_000, List.of());

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

		assertThat(report).contains("| ride-producer-service | 4.25 | 5.10 | 2.60 | 300 | 120 |");
	}

	@Test
	void showsMedianStartUpsAloneFromThePlainJarAndWithClassDataSharing() {
		String report = Report.markdown(SETUP, List.of(run(1, new AloneStartup(7, 3.5)),
				run(2, new AloneStartup(6, 4)), run(3, new AloneStartup(8, 3))));

		assertThat(report)
			.contains("| Service | JVM start to ready, throughput run (s) | Ready, plain jar, alone (s) "
					+ "| Ready with CDS, alone (s) | Peak RSS (MiB) | Peak heap used (MiB) |")
			.contains("| ride-consumer-service | 5.00 | 7.00 | 3.50 | 400 | 200 |");
	}

	@Test
	void explainsHowStartUpIsMeasured() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000)));

		assertThat(report).contains("- Start-up: JVM start to the first 200 of `/actuator/health/readiness`. Alone: "
				+ "at the end of every run, each service is started by itself, one at a time, against the run's "
				+ "running broker, once from its plain exec jar and once with class data sharing (CDS) as "
				+ "`./run-local.sh` uses it");
	}

	@Test
	void leavesTheClassDataSharingFiguresEmptyForAServiceWithoutAnArchive() {
		BenchmarkSetup withoutConsumerArchive = new BenchmarkSetup("2026-11-25 04:30 UTC", "2 CPUs", "4.1.2",
				1_000_000, 1, 1, 365.4, 10_000, List.of("ride-consumer-service"));
		RunResult run = new RunResult(1, 100_000, 90_000, 11, 50_000, 60_000, 400_000, 100_000, 50_000,
				LATENCY,
				new ServiceFootprint(4.25, 300 * MIB, 120 * MIB), new ServiceFootprint(5, 400 * MIB, 200 * MIB),
				new AloneStartup(5.1, 2.6), new AloneStartup(7, Double.NaN));

		String report = Report.markdown(withoutConsumerArchive, List.of(run));

		assertThat(report).contains("No CDS archive could be made for ride-consumer-service")
			.contains("| ride-producer-service | 4.25 | 5.10 | 2.60 | 300 | 120 |")
			.contains("| ride-consumer-service | 5.00 | 7.00 |  | 400 | 200 |")
			.contains("| 5.10 | 2.60 | 7.00 |  |\n");
	}

	@Test
	void listsEveryRun() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000), run(2, 200_000, 60_000)));

		assertThat(report).contains("| 1 | 100,000 | 90,000 (11) | 50,000 (60,000) |")
			.contains("| 2 | 200,000 | 90,000 (11) | 60,000 (72,000) |");
	}

	@Test
	void listsEveryRunsStartUpsAloneAfterItsMemory() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000)));

		assertThat(report).contains("| 400 / 200 | 5.10 | 2.60 | 7.00 | 3.50 |\n");
	}

	@Test
	void showsAnUnmeasuredFigureAsNotAvailable() {
		RunResult unmeasured = new RunResult(1, 100_000, 90_000, 11, 50_000, 60_000, 400_000, Double.NaN, Double.NaN,
				LATENCY,
				new ServiceFootprint(4.25, 300 * MIB, 120 * MIB), new ServiceFootprint(5, 400 * MIB, Double.NaN),
				new AloneStartup(5.1, 2.6), new AloneStartup(7, Double.NaN));

		String report = Report.markdown(SETUP, List.of(unmeasured));

		assertThat(report).contains("| Consume | 400,000 | n/a | n/a | n/a | n/a | n/a |")
			.contains("| ride-consumer-service | 5.00 | 7.00 | n/a | 400 | n/a |");
	}

	@Test
	void showsThePeersMedianWithItsRatioToTheToolAndTheServicesRatioToIt() {
		String report = Report.markdown(SETUP, List.of(peerRun(1, 40_000), peerRun(2, 50_000), peerRun(3, 80_000)));

		// Peer / tool: 0.10, 0.125, 0.20 give 0.13; service / peer: 2.50, 2.00, 1.25 give 2.00.
		assertThat(report)
			.contains("| Path | Kafka tool | Service | Service / tool | Kafka Streams peer | Peer / tool | Service / peer |")
			.contains("| Consume | 400,000 | 100,000 | 0.25 | 50,000 | 0.13 | 2.00 |");
	}

	@Test
	void leavesThePeersCellsEmptyInTheProduceRows() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000)));

		assertThat(report).contains("| Produce, tool without transactions | 100,000 | 50,000 | 0.50 | | | |\n");
	}

	@Test
	void describesThePeersSettings() {
		String report = Report.markdown(SETUP, List.of(run(1, 100_000, 50_000)));

		assertThat(report).contains("- Kafka Streams peer: a Kafka Streams 4.1.2 application in its own JVM")
			.contains("with exactly_once_v2 and the DSL's defaults (one stream thread, RocksDB stores with caching, "
					+ "a commit every 100 ms)");
	}

	@Test
	void listsEveryRunsPeerAfterTheConsumerService() {
		String report = Report.markdown(SETUP, List.of(peerRun(1, 45_000)));

		assertThat(report).contains("| ConsumerPerformance | Consumer service | Kafka Streams peer | Producer ready (s) |")
			.contains("| 400,000 | 100,000 | 45,000 | 4.25 |");
	}

	@Test
	void showsTheEndToEndLatencysMedianAndEveryRun() {
		RunResult first = latencyRun(1, new EndToEndLatency.Result(300_000, 120, 310, 480));
		RunResult second = latencyRun(2, new EndToEndLatency.Result(300_000, 100, 250, 900));
		RunResult third = latencyRun(3, new EndToEndLatency.Result(300_000, 140, 400, 600));

		String report = Report.markdown(SETUP, List.of(first, second, third));

		assertThat(report).contains("## End-to-end latency, replay send to counted (ms)")
			.contains("replays rides at 10,000 rides/s")
			.contains("| Median | 300,000 | 120 | 310 | 600 |\n| 1 | 300,000 | 120 | 310 | 480 |\n"
					+ "| 2 | 300,000 | 100 | 250 | 900 |\n| 3 | 300,000 | 140 | 400 | 600 |\n");
	}

	private static RunResult latencyRun(int run, EndToEndLatency.Result latency) {
		return new RunResult(run, 100_000, 90_000, 11, 50_000, 60_000, 400_000, 100_000, 50_000, latency,
				new ServiceFootprint(4.25, 300 * MIB, 120 * MIB), new ServiceFootprint(5, 400 * MIB, 200 * MIB),
				new AloneStartup(5.1, 2.6), new AloneStartup(7, 3.5));
	}

	private static RunResult peerRun(int run, double streamsPeer) {
		return new RunResult(run, 100_000, 90_000, 11, 50_000, 60_000, 400_000, 100_000, streamsPeer, LATENCY,
				new ServiceFootprint(4.25, 300 * MIB, 120 * MIB), new ServiceFootprint(5, 400 * MIB, 200 * MIB),
				new AloneStartup(5.1, 2.6), new AloneStartup(7, 3.5));
	}

	private static RunResult run(int run, double producerPerformance, double replay) {
		return new RunResult(run, producerPerformance, 90_000, 11, replay, replay * 1.2, 400_000, 100_000, 50_000,
				LATENCY,
				new ServiceFootprint(4.25, 300 * MIB, 120 * MIB), new ServiceFootprint(5, 400 * MIB, 200 * MIB),
				new AloneStartup(5.1, 2.6), new AloneStartup(7, 3.5));
	}

	private static RunResult run(int run, AloneStartup consumerAlone) {
		return new RunResult(run, 100_000, 90_000, 11, 50_000, 60_000, 400_000, 100_000, 50_000,
				LATENCY,
				new ServiceFootprint(4.25, 300 * MIB, 120 * MIB), new ServiceFootprint(5, 400 * MIB, 200 * MIB),
				new AloneStartup(5.1, 2.6), consumerAlone);
	}

}
