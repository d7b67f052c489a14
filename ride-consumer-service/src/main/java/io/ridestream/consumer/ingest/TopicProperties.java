package io.ridestream.consumer.ingest;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The topic the rides are read from, and how.
 *
 * @param name the topic's name
 * @param retryInterval how long to wait before reading again from the last commit after a commit failed (the
 * dead-letter topic or the changelog could not be written, Kafka went away)
 * @param maxBatchTime how long one batch may take messages; the rest of the batch is read again in the next one, so
 * that a burst of slow messages never holds a commit back for long
 */
@ConfigurationProperties("ridestream.topic")
@Validated
public record TopicProperties(@NotBlank @DefaultValue("rides") String name,
		@NotNull @DefaultValue("1s") Duration retryInterval, @NotNull @DefaultValue("5s") Duration maxBatchTime) {
}
