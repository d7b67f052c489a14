package io.ridestream.consumer.zones;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where to find the taxi zone lookup table.
 *
 * @param file the TLC taxi zone lookup CSV, as a resource location ({@code classpath:...}, {@code file:...})
 */
@ConfigurationProperties("ridestream.zones")
@Validated
public record ZonesProperties(@NotNull @DefaultValue("classpath:data/taxi_zone_lookup.csv") Resource file) {
}
