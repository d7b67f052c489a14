package io.ridestream.consumer.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Publishes the headline statistics as Micrometer meters. The meters read the statistics when scraped, so they
 * follow them exactly, including when a partition is rebuilt from the beginning or moves to another instance
 * (the counters then drop, which Prometheus treats as a counter reset). The revenue gauge is a double, so it is
 * approximate; {@code /stats} has the exact amount.
 */
@Component
class StatsMetrics implements MeterBinder {

	private final StatisticsService statistics;

	StatsMetrics(StatisticsService statistics) {
		this.statistics = statistics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("ridestream.rides.consumed", this.statistics, (stats) -> stats.current().totalRides())
			.description("Rides counted in the statistics of the partitions this instance reads")
			.register(registry);
		FunctionCounter.builder("ridestream.rides.dead.letters", this.statistics, (stats) -> stats.current().deadLetters())
			.description("Messages of the rides topic that are not valid rides, parked on the dead-letter topic")
			.register(registry);
		Gauge.builder("ridestream.revenue.total", this.statistics, (stats) -> stats.current().totalAmount().doubleValue())
			.description("Sum of total_amount of the rides counted, in dollars (approximate; exact on /stats)")
			.register(registry);
		Gauge.builder("ridestream.partitions.assigned", this.statistics, StatisticsService::partitionCount)
			.description("Partitions of the rides topic this instance reads")
			.register(registry);
	}

}
