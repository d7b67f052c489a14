package io.ridestream.benchmark;

/**
 * The figures of one repetition, all throughputs in records (rides) per second.
 *
 * @param run the repetition, from 1
 * @param producerPerformance ProducerPerformance without transactions
 * @param producerPerformanceTransactional ProducerPerformance committing a transaction every
 * {@code transactionMillis}
 * @param transactionMillis ProducerPerformance's transaction duration, chosen from the rate without transactions
 * so that a transaction holds about as many records as the service's
 * ({@link RideStreamBenchmark#SERVICE_TRANSACTION_SIZE})
 * @param replay POST /rides/replay: published rides over the time from sending the request to seeing the job
 * COMPLETED (the upload included)
 * @param replayJob the same over the job's own time, from its startedAt to its finishedAt (after the upload)
 * @param consumerPerformance ConsumerPerformance: records over fetch time (after joining the group)
 * @param consumerService ride-consumer-service: rides over the time from the first counted ride to the last
 * @param streamsPeer the Kafka Streams peer: rides processed over the time from the first processed ride to the
 * last, on the same topic after the service
 * @param latency the end-to-end latency of rides replayed at a steady rate, send to counted
 * @param producer the producer service's start-up time and memory in its throughput measurement
 * @param consumer the consumer service's start-up time and memory in its throughput measurement
 * @param producerAlone the producer service's start-up times when started by itself, without and with class data
 * sharing
 * @param consumerAlone the same for the consumer service
 */
record RunResult(int run, double producerPerformance, double producerPerformanceTransactional,
		long transactionMillis, double replay, double replayJob, double consumerPerformance, double consumerService,
		double streamsPeer, EndToEndLatency.Result latency, ServiceFootprint producer, ServiceFootprint consumer, AloneStartup producerAlone,
		AloneStartup consumerAlone) {

	/** How many records ProducerPerformance's transactions held on average. */
	double recordsPerTransaction() {
		return this.producerPerformanceTransactional * this.transactionMillis / 1000;
	}

}
