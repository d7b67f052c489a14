package io.ridestream.producer.format;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The format rides are written in.
 *
 * @param format {@code json}, {@code json-schema} or {@code avro}; unset, rides are in Confluent's JSON Schema wire
 * format when a schema registry is configured and plain JSON otherwise. Set by {@code RIDESTREAM_FORMAT}.
 */
@ConfigurationProperties("ridestream")
public record FormatProperties(RideFormat format) {
}
