package io.ridestream.consumer.stats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the statistics are presented.
 *
 * @param topLocations how many of the busiest pickup and dropoff zones to list
 */
@ConfigurationProperties("ridestream.stats")
@Validated
public record StatsProperties(@Min(1) @Max(1000) @DefaultValue("10") int topLocations) {
}
