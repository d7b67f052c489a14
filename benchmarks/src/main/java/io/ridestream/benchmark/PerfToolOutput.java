package io.ridestream.benchmark;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the summaries that Kafka's performance tools print.
 */
final class PerfToolOutput {

	/**
	 * ProducerPerformance prints a progress line every 5 s and a final one with the percentiles, e.g.
	 * {@code 100000 records sent, 50505.1 records/sec (20.30 MB/sec), 30.12 ms avg latency, 250.00 ms max latency,
	 * 25 ms 50th, 80 ms 95th, 120 ms 99th, 240 ms 99.9th.}
	 */
	private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
			"^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
					+ "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th\\.?$");

	private PerfToolOutput() {
	}

	/**
	 * The final summary of ProducerPerformance.
	 * @throws IllegalArgumentException if the output has none (the tool failed or was cut short)
	 */
	static ProducerSummary producerSummary(List<String> lines) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			Matcher matcher = PRODUCER_SUMMARY.matcher(lines.get(i).trim());
			if (matcher.matches()) {
				return new ProducerSummary(Long.parseLong(matcher.group(1)), Double.parseDouble(matcher.group(2)),
						Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)),
						Double.parseDouble(matcher.group(9)));
			}
		}
		throw new IllegalArgumentException("No ProducerPerformance summary in its output:\n" + String.join("\n", lines));
	}

	/**
	 * The summary of ConsumerPerformance run with {@code --hide-header}: one line of the columns {@code start.time,
	 * end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms,
	 * fetch.MB.sec, fetch.nMsg.sec}, the times formatted as {@code yyyy-MM-dd HH:mm:ss:SSS}.
	 * @throws IllegalArgumentException if the output has none
	 */
	static ConsumerSummary consumerSummary(List<String> lines) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			String[] columns = lines.get(i).split(",");
			if (columns.length == 10 && columns[0].trim().matches("\\d{4}-\\d{2}-\\d{2} .*")) {
				try {
					return new ConsumerSummary(Long.parseLong(columns[4].trim()), Double.parseDouble(columns[5].trim()),
							Long.parseLong(columns[6].trim()), Long.parseLong(columns[7].trim()),
							Double.parseDouble(columns[9].trim()));
				}
				catch (NumberFormatException ex) {
					// not the summary line after all
				}
			}
		}
		throw new IllegalArgumentException("No ConsumerPerformance summary in its output:\n" + String.join("\n", lines));
	}

	/**
	 * @param records records sent
	 * @param recordsPerSecond the tool's throughput, from its first send to the last acknowledgement
	 * @param megabytesPerSecond the same in MB of payload
	 * @param averageLatencyMillis mean time from send to acknowledgement
	 * @param p999LatencyMillis 99.9th percentile of that
	 */
	record ProducerSummary(long records, double recordsPerSecond, double megabytesPerSecond,
			double averageLatencyMillis, double p999LatencyMillis) {
	}

	/**
	 * @param records records consumed
	 * @param recordsPerSecond over the whole run, joining the group included
	 * @param rebalanceMillis time to join the group and be assigned the partitions
	 * @param fetchMillis time from the assignment to the last record
	 * @param fetchRecordsPerSecond records over fetch time: the rate once reading, comparable with the service's
	 * first-record-to-last figure
	 */
	record ConsumerSummary(long records, double recordsPerSecond, long rebalanceMillis, long fetchMillis,
			double fetchRecordsPerSecond) {
	}

}
