package io.ridestream.benchmark.streams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The Kafka Streams peer of ride-consumer-service: computes the same statistics from the rides topic with
 * {@code exactly_once_v2} and otherwise Streams' defaults (one stream thread, RocksDB stores with a 10 MB record
 * cache, a commit every 100 ms), waits until it has processed the given number of rides, reads its totals from
 * its store, closes (committing its last transaction) and prints a {@link PeerResult} line. The benchmark runs it
 * in a JVM of its own, like Kafka's performance tools.
 *
 * <p>Usage: {@code RideStatsStreams --bootstrap-server HOST:PORT --topic rides --rides N --application-id ID
 * --state-dir DIR [--timeout-seconds S]}. Exits with 0 after printing the result, 1 if it failed or timed out.
 */
public final class RideStatsStreams {

	private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(1);

	/** The metrics reported at the end, by group. */
	private static final Map<String, Set<String>> REPORTED_METRICS = Map.of(
			"stream-thread-metrics", Set.of("commit-total", "commit-latency-avg", "commit-latency-max", "poll-total",
					"process-total", "poll-records-avg"),
			"producer-metrics", Set.of("record-send-total", "request-total", "outgoing-byte-total",
					"txn-commit-time-ns-total", "txn-send-offsets-time-ns-total", "txn-begin-time-ns-total",
					"flush-time-ns-total"),
			"producer-topic-metrics", Set.of("record-send-total", "byte-total"),
			"stream-task-metrics", Set.of("dropped-records-total"));

	private RideStatsStreams() {
	}

	public static void main(String[] args) throws InterruptedException {
		Map<String, String> options = options(args);
		String topic = required(options, "--topic");
		long expected = Long.parseLong(required(options, "--rides"));
		Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout-seconds", "600")));

		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, required(options, "--application-id"));
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, required(options, "--bootstrap-server"));
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG, required(options, "--state-dir"));

		RideProgress progress = new RideProgress(expected, System::nanoTime, new CpuClock()::read);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		KafkaStreams streams = new KafkaStreams(RideStatsTopology.build(topic, progress::ride), config);
		streams.setUncaughtExceptionHandler((ex) -> {
			failure.compareAndSet(null, ex);
			progress.abandon();
			return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
		});
		streams.setStateListener((newState, oldState) -> {
			if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.PENDING_SHUTDOWN) {
				progress.abandon();
			}
		});
		streams.start();
		try {
			if (!progress.await(timeout)) {
				fail("processed " + progress.processed() + " of " + expected + " rides"
						+ ((failure.get() != null) ? ", failed: " + failure.get() : " within " + timeout)
						+ " (state " + streams.state() + ")", failure.get());
			}
			ReadOnlyKeyValueStore<String, RideStats> stats = streams.store(StoreQueryParameters
				.fromNameAndType(RideStatsTopology.STATS_STORE, QueryableStoreTypes.keyValueStore()));
			RideStats totals = RideStats.empty();
			long locations = 0;
			try (KeyValueIterator<String, RideStats> all = stats.all()) {
				while (all.hasNext()) {
					totals = totals.plus(all.next().value);
					locations++;
				}
			}
			long tumbling = windowedRides(streams, RideStatsTopology.TUMBLING_STORE);
			long hopping = windowedRides(streams, RideStatsTopology.HOPPING_STORE);
			Map<String, Double> metrics = metrics(streams.metrics());
			CpuClock.CpuTimes cpu = progress.cpuBetween();

			long closing = System.nanoTime();
			boolean closed = streams.close(CLOSE_TIMEOUT);
			double closeSeconds = (System.nanoTime() - closing) / 1e9;
			if (!closed || failure.get() != null) {
				fail("did not close cleanly within " + CLOSE_TIMEOUT + " (state " + streams.state() + ")",
						failure.get());
			}
			PeerResult result = new PeerResult(progress.processed(), progress.seconds(), progress.ridesPerSecond(),
					locations, totals, tumbling, hopping, closeSeconds, cpu.streamThreadNanos() / 1e9,
					cpu.producerThreadsNanos() / 1e9, cpu.processNanos() / 1e9, cpu.compilationNanos() / 1e9,
					cpu.gcNanos() / 1e9, metrics);
			System.out.println(result.toLine());
			System.out.flush();
		}
		finally {
			streams.close(CLOSE_TIMEOUT);
		}
		System.exit(0);
	}

	private static long windowedRides(KafkaStreams streams, String storeName) {
		ReadOnlyWindowStore<String, Long> store = streams
			.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.windowStore()));
		long rides = 0;
		try (KeyValueIterator<Windowed<String>, Long> all = store.all()) {
			while (all.hasNext()) {
				KeyValue<Windowed<String>, Long> window = all.next();
				rides += window.value;
			}
		}
		return rides;
	}

	/** The {@link #REPORTED_METRICS}, summed over the clients and tasks that have them. */
	static Map<String, Double> metrics(Map<MetricName, ? extends Metric> all) {
		Map<String, Double> reported = new TreeMap<>();
		all.forEach((name, metric) -> {
			if (REPORTED_METRICS.getOrDefault(name.group(), Set.of()).contains(name.name())
					&& metric.metricValue() instanceof Double value && !value.isNaN()) {
				String topic = name.tags().get("topic");
				String key = name.group() + "." + name.name() + ((topic != null) ? "[" + topic + "]" : "");
				reported.merge(key, value, Double::sum);
			}
		});
		return reported;
	}

	private static void fail(String message, Throwable cause) {
		System.err.println("RideStatsStreams " + message);
		if (cause != null) {
			cause.printStackTrace();
		}
		System.exit(1);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				usage("Unexpected argument " + args[i]);
			}
			options.put(args[i], args[i + 1]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			usage("Missing " + name);
		}
		return value;
	}

	private static void usage(String problem) {
		System.err.println(problem);
		System.err.println("Usage: RideStatsStreams --bootstrap-server HOST:PORT --topic TOPIC --rides N "
				+ "--application-id ID --state-dir DIR [--timeout-seconds S]");
		System.exit(2);
	}

}
