package io.ridestream.consumer.stats;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * The statistics as the actuator endpoint {@code /actuator/stats}, for tooling that already scrapes the actuator.
 */
@Component
@Endpoint(id = "stats")
class StatsEndpoint {

	private final StatisticsService statistics;

	StatsEndpoint(StatisticsService statistics) {
		this.statistics = statistics;
	}

	@ReadOperation
	RideStatistics stats() {
		return this.statistics.current();
	}

}
