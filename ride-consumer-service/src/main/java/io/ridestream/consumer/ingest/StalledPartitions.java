package io.ridestream.consumer.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * The partitions of the rides topic whose batches keep failing (the dead-letter topic or the changelog will not take
 * what they write, the changelog cannot be read, Kafka is away). They are retried for as long as it takes, which
 * must not go unseen: they are the {@code counting} health component (down while any partition is stalled, with
 * each one's reason, since when and how many attempts), the {@code ridestream.partitions.stalled} gauge, and a log
 * line with the reason at most once a minute per partition.
 */
@Component("counting")
class StalledPartitions implements HealthIndicator, MeterBinder {

	private static final Log logger = LogFactory.getLog(StalledPartitions.class);

	private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

	private final ConcurrentMap<Integer, Stall> stalls = new ConcurrentHashMap<>();

	private final Clock clock;

	StalledPartitions() {
		this(Clock.systemUTC());
	}

	StalledPartitions(Clock clock) {
		this.clock = clock;
	}

	/** A batch with messages of these partitions failed, and will be read again. */
	void failed(Collection<Integer> partitions, Throwable failure) {
		Instant now = this.clock.instant();
		String reason = reasonOf(failure);
		for (int partition : partitions) {
			Stall stall = this.stalls.compute(partition,
					(key, held) -> (held != null) ? held.again(reason) : new Stall(now, 1, reason, null));
			if (stall.loggedAt() == null || !now.isBefore(stall.loggedAt().plus(LOG_INTERVAL))) {
				this.stalls.computeIfPresent(partition, (key, held) -> held.logged(now));
				logger.warn("Partition " + partition + " cannot be counted on: " + stall.attempts()
						+ " attempts failed since " + stall.since() + ", retrying; last reason: " + reason);
			}
		}
	}

	/** A transaction with messages of this partition committed. */
	void progressed(int partition) {
		Stall stall = this.stalls.remove(partition);
		if (stall != null) {
			logger.info("Partition " + partition + " is counted again, after " + stall.attempts()
					+ " failed attempts since " + stall.since());
		}
	}

	@Override
	public Health health() {
		if (this.stalls.isEmpty()) {
			return Health.up().build();
		}
		Map<Integer, Map<String, Object>> details = new TreeMap<>();
		this.stalls.forEach((partition, stall) -> details.put(partition,
				Map.of("since", stall.since().toString(), "attempts", stall.attempts(), "reason", stall.reason())));
		return Health.down().withDetail("stalledPartitions", details).build();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("ridestream.partitions.stalled", this.stalls, Map::size)
			.description("Partitions of the rides topic whose batches keep failing and are being retried")
			.register(registry);
	}

	private static String reasonOf(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** Since when a partition's batches fail, how often, the last reason, and when that was last logged. */
	private record Stall(Instant since, long attempts, String reason, Instant loggedAt) {

		Stall again(String reason) {
			return new Stall(this.since, this.attempts + 1, reason, this.loggedAt);
		}

		Stall logged(Instant now) {
			return new Stall(this.since, this.attempts, this.reason, now);
		}

	}

}
