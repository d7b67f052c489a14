package io.ridestream.consumer.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dead-letter topic, where messages of the rides topic that are not rides are parked with the reason.
 *
 * @param topic the topic's name; {@code application.yaml} defaults it to the rides topic's name and {@code -dlt}
 * @param partitions the partitions the topic is created with when missing; a dead letter goes to the partition
 * with the number of its original partition, so this should be at least the rides topic's partition count
 */
@ConfigurationProperties("ridestream.dead-letter")
@Validated
public record DeadLetterProperties(@NotBlank String topic, @Positive @DefaultValue("6") int partitions) {
}
