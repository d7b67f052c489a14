package io.ridestream.consumer.windows;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Which pickup times may move a partition's stream time, so that one wrong date cannot close or evict the windows
 * of every other ride. A ride outside them is counted in the totals but in no window, and counted as such.
 * <ul>
 * <li>Implausible: picked up before {@code earliest} (the TLC's data start in 2009) or more than
 * {@code maxAhead} after the wall clock.</li>
 * <li>Too far ahead: more than {@code maxAhead} after the partition's stream time. A replay of a later month is
 * such a jump too, a real one: once {@code jumpAfterRides} rides in a row agree on it (each within
 * {@code maxAhead} of the one before it, so that a sparse month, whose run spans days, is followed too), stream
 * time follows them, and the windows go on from there.</li>
 * </ul>
 *
 * @param earliest the earliest plausible pickup time
 * @param maxAhead how far after stream time (and after the wall clock) a pickup may be
 * @param jumpAfterRides how many rides in a row, far ahead and agreeing, move stream time with them
 * @param clock the wall clock
 */
public record PickupBounds(LocalDateTime earliest, Duration maxAhead, int jumpAfterRides, Clock clock) {

	/** Every pickup time counts in windows, as in Kafka Streams. */
	public static final PickupBounds NONE = new PickupBounds(LocalDateTime.MIN, Duration.ofDays(365L * 100_000), 1,
			Clock.systemUTC());

	public PickupBounds {
		Objects.requireNonNull(earliest, "earliest");
		Objects.requireNonNull(maxAhead, "maxAhead");
		Objects.requireNonNull(clock, "clock");
		if (maxAhead.isNegative() || maxAhead.isZero()) {
			throw new IllegalArgumentException("max-ahead " + maxAhead + " is not positive");
		}
		if (jumpAfterRides < 1) {
			throw new IllegalArgumentException("jump-after-rides " + jumpAfterRides + " is not at least 1");
		}
	}

	/**
	 * The latest plausible pickup time as of now: {@code maxAhead} after the wall clock. A ride could have been
	 * picked up from {@code earliest} to then.
	 */
	LocalDateTime latestPlausible() {
		return (this == NONE) ? LocalDateTime.MAX : LocalDateTime.now(this.clock).plus(this.maxAhead);
	}

	/** Whether the pickup is too far after the stream time to move it at once. */
	boolean farAhead(LocalDateTime pickup, LocalDateTime streamTime) {
		return streamTime != null && pickup.isAfter(streamTime.plus(this.maxAhead));
	}

	/** Whether a pickup far ahead agrees with the one before it on where the stream has jumped. */
	boolean agree(LocalDateTime first, LocalDateTime next) {
		return !next.isBefore(first.minus(this.maxAhead)) && !next.isAfter(first.plus(this.maxAhead));
	}

}
