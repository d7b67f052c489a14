package io.ridestream.consumer.stats;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The statistics changelog: a compacted topic holding the latest snapshot of each partition's statistics.
 *
 * @param topic the topic's name; {@code application.yaml} defaults it to the rides topic's name and {@code -stats}
 * @param partitions the partitions the topic is created with when missing
 * @param catchUpTimeout how long restoring a partition may wait for the changelog to be read to its end before it
 * gives up (and is tried again)
 * @param commitInterval how often each listener thread commits what it counted (the changed statistics, the dead
 * letters and the consumed offsets, in one transaction), as Kafka Streams' {@code commit.interval.ms}: counts are
 * visible on {@code /stats} at most about this long after they were read
 */
@ConfigurationProperties("ridestream.changelog")
@Validated
public record ChangelogProperties(@NotBlank String topic, @Positive @DefaultValue("6") int partitions,
		@NotNull @DefaultValue("30s") Duration catchUpTimeout, @NotNull @DefaultValue("200ms") Duration commitInterval) {

	public ChangelogProperties {
		if (commitInterval != null && (commitInterval.isNegative() || commitInterval.isZero())) {
			throw new IllegalArgumentException("ridestream.changelog.commit-interval must be positive, was " + commitInterval);
		}
	}
}
