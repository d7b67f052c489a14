package io.ridestream.consumer.stats;

import java.util.Locale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ridestream.consumer.windows.WindowSpec;

import org.springframework.stereotype.Component;

/**
 * Publishes the headline statistics as Micrometer meters. The meters read the statistics of the whole topic, as
 * every instance has them, when scraped. The revenue gauge is a double, so it is approximate; {@code /stats} has
 * the exact amount.
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
			.description("Rides counted, in all partitions of the rides topic")
			.register(registry);
		FunctionCounter.builder("ridestream.rides.dead.letters", this.statistics, (stats) -> stats.current().deadLetters())
			.description("Messages of the rides topic that are not valid rides, parked on the dead-letter topic")
			.register(registry);
		FunctionCounter
			.builder("ridestream.rides.outside.windows", this.statistics,
					(stats) -> stats.current().ridesOutsideWindows().values().stream().mapToLong(Long::longValue).max().orElse(0))
			.description("Rides counted in the totals but in no window: picked up at an implausible time, or far "
					+ "ahead of the other rides of their partition")
			.register(registry);
		for (WindowSpec.Kind kind : WindowSpec.Kind.values()) {
			String window = kind.name().toLowerCase(Locale.ROOT);
			FunctionCounter
				.builder("ridestream.rides.late", this.statistics,
						(stats) -> stats.current().lateRides().getOrDefault(window, 0L))
				.description("Rides that came after their window closed (its grace period over): counted in the "
						+ "totals, and as late in their window, not in its figures")
				.tag("window", window)
				.register(registry);
		}
		Gauge.builder("ridestream.revenue.total", this.statistics, (stats) -> stats.current().totalAmount().doubleValue())
			.description("Sum of total_amount of the rides counted, in dollars (approximate; exact on /stats)")
			.register(registry);
	}

}
