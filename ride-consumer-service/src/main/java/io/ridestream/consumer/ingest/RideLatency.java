package io.ridestream.consumer.ingest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The end-to-end latency of each ride, from its send time ({@link SendTime#ofOrRecentTimestamp}) to the commit of the statistics
 * that count it, published twice: as {@code ridestream.rides.latency}, a summary with the median and 99th percentile
 * worked out here, and as {@code ridestream.rides.latency.histogram}, a histogram whose buckets Prometheus can add up
 * across instances and turn into percentiles over any range ({@code histogram_quantile}). The Prometheus registry
 * publishes a meter's buckets or its percentiles, not both.
 */
@Component
class RideLatency {

	private final Timer summary;

	private final Timer histogram;

	RideLatency(MeterRegistry meters) {
		String description = "From a ride's send time (its ridestream-sent-at header, or a recent record timestamp) "
				+ "to the commit of the statistics that count it";
		this.summary = Timer.builder("ridestream.rides.latency")
			.description(description)
			.publishPercentiles(0.5, 0.99)
			// Two significant digits; with Micrometer's default of one, percentiles come in coarse steps.
			.percentilePrecision(2)
			.register(meters);
		this.histogram = Timer.builder("ridestream.rides.latency.histogram")
			.description(description)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(meters);
	}

	/** Records the latency of each ride of a checkpoint committed at this time. */
	void committed(long committedAtMillis, SendTimes sentAt) {
		sentAt.forEach((sent) -> {
			long millis = committedAtMillis - sent;
			this.summary.record(millis, TimeUnit.MILLISECONDS);
			this.histogram.record(millis, TimeUnit.MILLISECONDS);
		});
	}

}
