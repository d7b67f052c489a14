package io.ridestream.benchmark.streams;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;

/**
 * What the Streams peer prints, as one line of JSON after {@value #PREFIX}, once it processed every expected ride
 * and closed cleanly (its last transaction committed); the benchmark reads it from the peer's output.
 *
 * @param rides rides processed
 * @param seconds from the first ride processed to the last expected one
 * @param ridesPerSecond rides processed after the first over that time
 * @param locations pickup locations in the statistics store
 * @param totals the statistics of every location summed, read from the store by an interactive query
 * @param tumblingWindowRides the counts of the tumbling windows held summed (only the windows still retained)
 * @param hoppingWindowRides the same for the hopping windows (each ride is in two)
 * @param closeSeconds how long closing took (committing the last transaction, flushing the stores)
 * @param streamThreadCpuSeconds CPU time of the stream thread from the first ride to the last
 * @param producerThreadCpuSeconds CPU time of the producer's network thread over the same time
 * @param processCpuSeconds CPU time of the whole JVM over the same time
 * @param compilationSeconds time the JIT compilers spent compiling over the same time (elapsed, summed over the
 * compiler threads)
 * @param gcSeconds time the garbage collectors report over the same time
 * @param metrics selected Kafka Streams, producer and consumer metrics at the end, by {@code group.name} (and
 * topic for the producer's per-topic counts)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeerResult(long rides, double seconds, double ridesPerSecond, long locations, RideStats totals,
		long tumblingWindowRides, long hoppingWindowRides, double closeSeconds, double streamThreadCpuSeconds,
		double producerThreadCpuSeconds, double processCpuSeconds, double compilationSeconds, double gcSeconds,
		Map<String, Double> metrics) {

	public static final String PREFIX = "RIDE_STATS_STREAMS_RESULT ";

	/** The line to print. */
	public String toLine() {
		return PREFIX + JsonSerde.MAPPER.writeValueAsString(this);
	}

	/**
	 * The result in the peer's output, the last one if several.
	 * @throws IllegalArgumentException if there is none, or it cannot be read
	 */
	public static PeerResult fromOutput(List<String> lines) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			String line = lines.get(i);
			if (line.startsWith(PREFIX)) {
				try {
					return JsonSerde.MAPPER.readValue(line.substring(PREFIX.length()), PeerResult.class);
				}
				catch (JacksonException ex) {
					throw new IllegalArgumentException("Unreadable Streams peer result: " + line, ex);
				}
			}
		}
		throw new IllegalArgumentException("No Streams peer result (" + PREFIX.trim() + ") in its output:\n"
				+ String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
	}

}
