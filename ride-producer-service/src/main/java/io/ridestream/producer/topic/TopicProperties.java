package io.ridestream.producer.topic;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka topic rides are replayed into, created at startup if it does not exist.
 *
 * @param name the topic's name
 * @param partitions how many partitions to create it with
 * @param retention how long Kafka keeps rides; negative keeps them until deleted by hand
 */
@Validated
@ConfigurationProperties("ridestream.topic")
public record TopicProperties(
		@DefaultValue("rides") @NotBlank String name,
		@DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("-1") Duration retention) {

	/** The topic's {@code retention.ms}: {@code -1} when rides are kept forever. */
	public long retentionMs() {
		return retention.isNegative() ? -1 : retention.toMillis();
	}

}
