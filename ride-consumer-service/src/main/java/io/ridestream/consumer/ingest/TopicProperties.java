package io.ridestream.consumer.ingest;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topic the rides are read from, and how.
 *
 * @param name the topic's name
 * @param readFromBeginning whether to read each partition from its first offset whenever it is assigned to this
 * instance, rebuilding its statistics (see {@link RideListener})
 */
@ConfigurationProperties("ridestream.topic")
@Validated
public record TopicProperties(@NotBlank @DefaultValue("rides") String name,
		@DefaultValue("true") boolean readFromBeginning) {
}
