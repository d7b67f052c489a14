package io.ridestream.producer.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts replayed rides by outcome ({@code ridestream.replay.rides}) and gauges the running jobs
 * ({@code ridestream.replay.jobs.running}).
 */
@Component
class ReplayMetrics {

	private final Counter published;

	private final Counter rejected;

	private final Counter failed;

	private final Counter unknown;

	ReplayMetrics(MeterRegistry registry, ReplayJobs jobs) {
		this.published = rides(registry, "published");
		this.rejected = rides(registry, "rejected");
		this.failed = rides(registry, "failed");
		this.unknown = rides(registry, "unknown");
		Gauge.builder("ridestream.replay.jobs.running", jobs, ReplayJobs::runningCount)
			.description("Replay jobs running now")
			.register(registry);
	}

	void published() {
		this.published.increment();
	}

	void rejected() {
		this.rejected.increment();
	}

	void failed() {
		this.failed.increment();
	}

	void unknown() {
		this.unknown.increment();
	}

	private static Counter rides(MeterRegistry registry, String outcome) {
		return Counter.builder("ridestream.replay.rides")
			.description("Rides replayed, by outcome: published (in a committed Kafka transaction), rejected"
					+ " (not a valid ride), failed (not taken by Kafka), unknown (commit not confirmed by Kafka)")
			.tag("outcome", outcome)
			.register(registry);
	}

}
