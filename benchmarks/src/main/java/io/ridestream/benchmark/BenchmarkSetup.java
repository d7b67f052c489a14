package io.ridestream.benchmark;

import java.util.List;

/**
 * What every run of one benchmark shares, printed above its figures.
 *
 * @param date when the benchmark started, UTC
 * @param machine processors, memory, Java and operating system
 * @param kafkaVersion the version of the broker and of the tools
 * @param rides rides (records) per measurement
 * @param repeats repetitions
 * @param brokers the Kafka brokers of every run
 * @param meanRideBytes the mean size of a serialized ride (plain JSON, as the service sends it)
 * @param payloadRides how many distinct rides ProducerPerformance picks its payloads from
 * @param withoutCdsArchive the services whose class data sharing archive could not be made (their CDS figures stay
 * empty)
 */
record BenchmarkSetup(String date, String machine, String kafkaVersion, long rides, int repeats, int brokers, double meanRideBytes,
		int payloadRides, List<String> withoutCdsArchive) {

	BenchmarkSetup {
		withoutCdsArchive = List.copyOf(withoutCdsArchive);
	}

}
