package io.ridestream.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's result as Markdown: medians first, then every run's figures.
 */
final class Report {

	private static final double MIB = 1024.0 * 1024.0;

	private Report() {
	}

	static String markdown(BenchmarkSetup setup, List<RunResult> runs) {
		StringBuilder out = new StringBuilder();
		out.append("# Ride Stream benchmark, ").append(setup.date()).append("\n\n");
		out.append("- Machine: ").append(setup.machine()).append('\n');
		if (setup.brokers() == 1) {
			out.append("- One local Kafka ").append(setup.kafkaVersion())
				.append(" broker (KRaft), started fresh for every run; topics of 6 partitions\n");
		}
		else {
			out.append(String.format(Locale.ROOT, "- A local cluster of %d Kafka %s brokers and a KRaft controller, "
					+ "started fresh for every run; topics of 6 partitions, %d replicas, min.insync.replicas %d%n",
					setup.brokers(), setup.kafkaVersion(), Math.min(3, setup.brokers()),
					(setup.brokers() >= 3) ? 2 : 1));
		}
		out.append(String.format(Locale.ROOT, "- %,d rides per measurement, %d run%s, medians reported%n",
				setup.rides(), setup.repeats(), (setup.repeats() == 1) ? "" : "s"));
		out.append(String.format(Locale.ROOT,
				"- Ride size: %.1f bytes on average (plain JSON from RideSerializer); ProducerPerformance sends "
						+ "--payload-file with %,d real ride JSON lines, so lz4 compresses real data%n",
				setup.meanRideBytes(), setup.payloadRides()));
		out.append("- Producer settings of both: acks=all, enable.idempotence=true, compression.type=lz4, "
				+ "batch.size=65536, linger.ms=5. The service keys rides by PULocationID, ProducerPerformance sends no keys\n");
		out.append("- Consumers: read_committed, reading the whole `rides` topic once the replay has completed. "
				+ "ConsumerPerformance is one consumer (fetch rate: after joining the group); the service runs its "
				+ "listener threads (2 by default) and commits each batch's statistics in a transaction (rate: first counted ride "
				+ "to the last)\n");
		out.append("- Kafka Streams peer: a Kafka Streams ").append(setup.kafkaVersion())
			.append(" application in its own JVM computing the same statistics per pickup location (totals, "
					+ "vendors, payment types, exact amounts, tumbling and hopping window counts) with exactly_once_v2 "
					+ "and the DSL's defaults (one stream thread, RocksDB stores with caching, a commit every 100 ms), "
					+ "reading the same full `rides` topic after the service with a fresh application id (rate: first "
					+ "processed ride to the last). Its totals were checked equal to the service's `/stats` in every run\n");
		out.append("- Start-up: JVM start to the first 200 of `/actuator/health/readiness`. Alone: at the end of every "
				+ "run, each service is started by itself, one at a time, against the run's running broker, once from "
				+ "its plain exec jar and once with class data sharing (CDS) as `./run-local.sh` uses it: the "
				+ "jar extracted and its archive recorded by a training run, once before the runs. The throughput run's "
				+ "figure is the service's start before its throughput measurement");
		if (!setup.withoutCdsArchive().isEmpty()) {
			out.append(". No CDS archive could be made for ").append(String.join(" and ", setup.withoutCdsArchive()))
				.append(" (see the cds-*.log files): its CDS figures are empty");
		}
		out.append("\n\n");

		out.append("## Throughput (median, records/s)\n\n");
		out.append("| Path | Kafka tool | Service | Service / tool | Kafka Streams peer | Peer / tool | Service / peer |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		throughputRow(out, "Produce, tool without transactions", runs, RunResult::producerPerformance);
		throughputRow(out, String.format(Locale.ROOT,
				"Produce, tool with a transaction every %.0f ms (~%s records; the service: %,d)",
				median(runs, RunResult::transactionMillis), rate(median(runs, RunResult::recordsPerTransaction)),
				RideStreamBenchmark.SERVICE_TRANSACTION_SIZE),
				runs, RunResult::producerPerformanceTransactional);
		out.append(String.format(Locale.ROOT, "| Replay without the upload (job's startedAt to finishedAt) | | %s | | | | |%n",
				rate(median(runs, RunResult::replayJob))));
		throughputRow(out, "Consume", runs, RunResult::consumerPerformance, RunResult::consumerService,
				RunResult::streamsPeer);
		out.append('\n');

		latency(out, runs);

		out.append("## Services (median)\n\n");
		out.append("| Service | JVM start to ready, throughput run (s) | Ready, plain jar, alone (s) "
				+ "| Ready with CDS, alone (s) | Peak RSS (MiB) | Peak heap used (MiB) |\n");
		out.append("|---|---:|---:|---:|---:|---:|\n");
		serviceRow(out, setup, "ride-producer-service", runs, RunResult::producer, RunResult::producerAlone);
		serviceRow(out, setup, "ride-consumer-service", runs, RunResult::consumer, RunResult::consumerAlone);
		out.append('\n');

		out.append("## Every run\n\n");
		out.append("Records/s; the transaction duration of ProducerPerformance in ms; the replay over the job's own "
				+ "time (without the upload) in brackets.\n\n");
		out.append("| Run | ProducerPerformance | ProducerPerformance tx (ms per tx) | Replay (job only) "
				+ "| ConsumerPerformance | Consumer service | Kafka Streams peer | Producer ready (s) "
				+ "| Producer RSS / heap (MiB) "
				+ "| Consumer ready (s) | Consumer RSS / heap (MiB) | Producer ready, plain jar, alone (s) "
				+ "| Producer ready with CDS, alone (s) | Consumer ready, plain jar, alone (s) "
				+ "| Consumer ready with CDS, alone (s) |\n");
		out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (RunResult run : runs) {
			out.append(String.format(Locale.ROOT,
					"| %d | %s | %s (%d) | %s (%s) | %s | %s | %s | %s | %s / %s | %s | %s / %s | %s | %s | %s | %s |%n",
					run.run(),
					rate(run.producerPerformance()), rate(run.producerPerformanceTransactional()),
					run.transactionMillis(), rate(run.replay()), rate(run.replayJob()), rate(run.consumerPerformance()),
					rate(run.consumerService()), rate(run.streamsPeer()), seconds(run.producer().secondsToReady()),
					mebibytes(run.producer().peakRssBytes()), mebibytes(run.producer().peakHeapUsedBytes()),
					seconds(run.consumer().secondsToReady()), mebibytes(run.consumer().peakRssBytes()),
					mebibytes(run.consumer().peakHeapUsedBytes()), seconds(run.producerAlone().plainJarSeconds()),
					cdsSeconds(setup, "ride-producer-service", run.producerAlone().cdsSeconds()),
					seconds(run.consumerAlone().plainJarSeconds()),
					cdsSeconds(setup, "ride-consumer-service", run.consumerAlone().cdsSeconds())));
		}
		return out.toString();
	}

	private static void latency(StringBuilder out, List<RunResult> runs) {
		out.append("## End-to-end latency, replay send to counted (ms)\n\n");
		out.append(String.format(Locale.ROOT, "Both services started afresh; ride-producer-service replays rides at "
				+ "%,d rides/s (`POST /rides/replay?rate=`), each stamped with its send time (the topic refuses "
				+ "timestamps an hour old, so pickup times are not used); ride-consumer-service times every ride from "
				+ "that timestamp to the commit of the statistics that count it (`ridestream.rides.latency`, its "
				+ "percentiles as Micrometer computes them).%n%n", EndToEndLatency.RATE));
		out.append("| Run | Rides | p50 | p99 | Max |\n");
		out.append("|---|---:|---:|---:|---:|\n");
		out.append(String.format(Locale.ROOT, "| Median | %s | %s | %s | %s |%n",
				rate(median(runs, (run) -> run.latency().rides())), millis(median(runs, (run) -> run.latency().p50Millis())),
				millis(median(runs, (run) -> run.latency().p99Millis())),
				millis(median(runs, (run) -> run.latency().maxMillis()))));
		for (RunResult run : runs) {
			EndToEndLatency.Result latency = run.latency();
			out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", run.run(), rate(latency.rides()),
					millis(latency.p50Millis()), millis(latency.p99Millis()), millis(latency.maxMillis())));
		}
		out.append('\n');
	}

	private static String millis(double millis) {
		return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%,.0f", millis);
	}

	private static void throughputRow(StringBuilder out, String path, List<RunResult> runs,
			ToDoubleFunction<RunResult> tool) {
		throughputRow(out, path, runs, tool, RunResult::replay);
	}

	private static void throughputRow(StringBuilder out, String path, List<RunResult> runs,
			ToDoubleFunction<RunResult> tool, ToDoubleFunction<RunResult> service) {
		out.append(String.format(Locale.ROOT, "%s | | | |%n", throughput(path, runs, tool, service)));
	}

	/** The row with the peer's figures too: its rate, its ratio to the tool's and the service's ratio to it. */
	private static void throughputRow(StringBuilder out, String path, List<RunResult> runs,
			ToDoubleFunction<RunResult> tool, ToDoubleFunction<RunResult> service, ToDoubleFunction<RunResult> peer) {
		out.append(String.format(Locale.ROOT, "%s | %s | %s | %s |%n", throughput(path, runs, tool, service),
				rate(median(runs, peer)), ratio(medianRatio(runs, peer, tool)), ratio(medianRatio(runs, service, peer))));
	}

	/** The path's first four columns, without the closing bar. */
	private static String throughput(String path, List<RunResult> runs, ToDoubleFunction<RunResult> tool,
			ToDoubleFunction<RunResult> service) {
		return String.format(Locale.ROOT, "| %s | %s | %s | %s", path, rate(median(runs, tool)),
				rate(median(runs, service)), ratio(medianRatio(runs, service, tool)));
	}

	/** The median of the per-run ratios: each ratio compares two measurements of the same run. */
	private static double medianRatio(List<RunResult> runs, ToDoubleFunction<RunResult> numerator,
			ToDoubleFunction<RunResult> denominator) {
		return median(runs, (run) -> numerator.applyAsDouble(run) / denominator.applyAsDouble(run));
	}

	private static void serviceRow(StringBuilder out, BenchmarkSetup setup, String name, List<RunResult> runs,
			Function<RunResult, ServiceFootprint> footprint, Function<RunResult, AloneStartup> alone) {
		out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", name,
				seconds(median(runs, (run) -> footprint.apply(run).secondsToReady())),
				seconds(median(runs, (run) -> alone.apply(run).plainJarSeconds())),
				cdsSeconds(setup, name, median(runs, (run) -> alone.apply(run).cdsSeconds())),
				mebibytes(median(runs, (run) -> footprint.apply(run).peakRssBytes())),
				mebibytes(median(runs, (run) -> footprint.apply(run).peakHeapUsedBytes()))));
	}

	/** Empty for a service without an archive: there was nothing to measure, unlike a start that failed. */
	private static String cdsSeconds(BenchmarkSetup setup, String service, double seconds) {
		return setup.withoutCdsArchive().contains(service) ? "" : seconds(seconds);
	}

	private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
		return Medians.of(runs.stream().map(figure::applyAsDouble).toList());
	}

	static String rate(double recordsPerSecond) {
		return Double.isNaN(recordsPerSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f", recordsPerSecond);
	}

	static String ratio(double ratio) {
		return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
	}

	static String seconds(double seconds) {
		return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.2f", seconds);
	}

	static String mebibytes(double bytes) {
		return Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%,.0f", bytes / MIB);
	}

}
