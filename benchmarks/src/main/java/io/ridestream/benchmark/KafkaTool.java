package io.ridestream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of Kafka's command line tools (kafka-tools on this module's class path) in its own JVM, as
 * {@code bin/kafka-producer-perf-test.sh} would, and returns what it printed. The Kafka Streams peer runs the
 * same way.
 */
final class KafkaTool {

	static final String PRODUCER_PERFORMANCE = "org.apache.kafka.tools.ProducerPerformance";

	static final String CONSUMER_PERFORMANCE = "org.apache.kafka.tools.ConsumerPerformance";

	/** Not one of Kafka's tools, but run like them: the Kafka Streams peer of ride-consumer-service. */
	static final String STREAMS_PEER = "io.ridestream.benchmark.streams.RideStatsStreams";

	private KafkaTool() {
	}

	/**
	 * @throws IllegalStateException if the tool fails or does not finish within the timeout
	 */
	static List<String> run(String mainClass, List<String> arguments, Path log, Duration timeout) {
		return run(mainClass, List.of(), arguments, log, timeout);
	}

	/**
	 * @param javaOptions JVM options on top of the defaults
	 * @throws IllegalStateException if the tool fails or does not finish within the timeout
	 */
	static List<String> run(String mainClass, List<String> javaOptions, List<String> arguments, Path log,
			Duration timeout) {
		List<String> options = new ArrayList<>(javaOptions);
		options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
		List<String> command = JavaProcesses.onThisClassPath(mainClass, options, arguments);
		try {
			Process process = JavaProcesses.start(command, Map.of(), log);
			try {
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException(simpleName(mainClass) + " did not finish within " + timeout
							+ "; see " + log);
				}
			}
			finally {
				JavaProcesses.stop(process);
			}
			List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(simpleName(mainClass) + " exited with status " + process.exitValue()
						+ "; see " + log);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + mainClass, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + mainClass, ex);
		}
	}

	private static String simpleName(String mainClass) {
		return mainClass.substring(mainClass.lastIndexOf('.') + 1);
	}

}
