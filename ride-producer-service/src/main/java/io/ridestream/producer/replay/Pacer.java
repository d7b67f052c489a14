package io.ridestream.producer.replay;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds each ride back until it is due: no sooner than {@code 1/rate} seconds after the previous one, and, with
 * a speedup, no sooner than its pickup time's distance from the first ride's pickup, divided by the speedup.
 * A ride picked up before the first one is due at once. Waits end early when the job is cancelled.
 * <p>
 * Not thread-safe: one pacer serves one replay's reading thread.
 */
final class Pacer {

	private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

	// Caps how far ahead a wildly wrong pickup date (the TLC data has some in 2088) can push a ride: a year.
	private static final long MAX_DELAY_NANOS = TimeUnit.DAYS.toNanos(365);

	private final long intervalNanos;

	private final Double speedup;

	private final CountDownLatch cancellation;

	private long nextByRate;

	private LocalDateTime firstPickup;

	private long firstPickupSentAt;

	Pacer(ReplayOptions options, CountDownLatch cancellation) {
		this.intervalNanos = (options.rate() != null) ? Math.round(NANOS_PER_SECOND / options.rate()) : 0;
		this.speedup = options.speedup();
		this.cancellation = cancellation;
		this.nextByRate = System.nanoTime();
	}

	/**
	 * Waits until the ride picked up at this time may be sent.
	 * @return false if the replay was cancelled meanwhile
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	boolean awaitTurn(LocalDateTime pickup) throws InterruptedException {
		long now = System.nanoTime();
		long due = due(pickup, now);
		take(pickup, due);
		long wait = due - now;
		return wait <= 0 || !this.cancellation.await(wait, TimeUnit.NANOSECONDS);
	}

	/**
	 * Takes the ride's turn if it is due now or before the deadline, and waits for it.
	 * @param deadline a {@link System#nanoTime()}
	 * @return false if the ride is due after the deadline (the pacer is left as it was), or if the replay was
	 * cancelled while waiting
	 */
	boolean awaitTurnBefore(LocalDateTime pickup, long deadline) throws InterruptedException {
		long now = System.nanoTime();
		long due = due(pickup, now);
		if (due - now > 0 && due - deadline > 0) {
			return false;
		}
		take(pickup, due);
		long wait = due - now;
		return wait <= 0 || !this.cancellation.await(wait, TimeUnit.NANOSECONDS);
	}

	private long due(LocalDateTime pickup, long now) {
		long due = Math.max(now, this.nextByRate);
		if (this.speedup != null && this.firstPickup != null) {
			due = Math.max(due, this.firstPickupSentAt + scaledDelay(pickup));
		}
		return due;
	}

	private void take(LocalDateTime pickup, long due) {
		if (this.speedup != null && this.firstPickup == null) {
			this.firstPickup = pickup;
			this.firstPickupSentAt = due;
		}
		this.nextByRate = due + this.intervalNanos;
	}

	private long scaledDelay(LocalDateTime pickup) {
		double nanos = Duration.between(this.firstPickup, pickup).getSeconds() * (double) NANOS_PER_SECOND;
		return (long) Math.min(nanos / this.speedup, MAX_DELAY_NANOS);
	}

}
