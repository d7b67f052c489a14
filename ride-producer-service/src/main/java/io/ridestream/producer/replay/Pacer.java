package io.ridestream.producer.replay;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds each ride back until it is due: no sooner than {@code 1/rate} seconds after the previous one, and, with
 * a speedup, at the pace of the file's pickup times. Waits end early when the job is cancelled.
 * <p>
 * Pacing follows a clock: the pickup time of the latest paced ride, and when that ride was due. A ride picked up
 * after the clock, by at most {@code maxGap}, is due that much later (divided by the speedup) and moves the clock
 * on; one picked up before the clock, by at most {@code maxGap}, is late and due at once. A ride further from the
 * clock either way (a 2088 or 2002 pickup in a 2020 file) is an outlier: due at once, the clock stays. If the next
 * ride is within {@code maxGap} of that outlier rather than of the clock, the file has moved on (e.g. its first
 * row was the outlier): the outlier becomes the clock, as if it had been paced. No wait is longer than
 * {@code maxGap / speedup}, and no outlier releases the rest unpaced.
 * <p>
 * Pickups are compared as instants in the source zone, so a daylight-saving night paces by real time: 01:59 to
 * 03:01 on a spring-forward night is 2 minutes. In the repeated hour of a fall-back night a local time is read at
 * the offset that puts it nearest the clock, so that 01:50, then 01:10, is the second 01:10, 20 minutes later.
 * <p>
 * Not thread-safe: one pacer serves one replay's reading thread.
 */
final class Pacer {

	private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

	private final long intervalNanos;

	private final Double speedup;

	private final long maxGapMillis;

	private final ZoneId zone;

	private final CountDownLatch cancellation;

	private long nextByRate;

	private Tick clock;

	private Tick outlier;

	Pacer(ReplayOptions options, CountDownLatch cancellation, Duration maxGap, ZoneId zone) {
		this.intervalNanos = (options.rate() != null) ? Math.round(NANOS_PER_SECOND / options.rate()) : 0;
		this.speedup = options.speedup();
		this.maxGapMillis = maxGap.toMillis();
		this.zone = zone;
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
		Turn turn = turn(pickup, now);
		take(turn);
		return await(turn.due() - now);
	}

	/**
	 * Takes the ride's turn if it is due now or before the deadline, and waits for it.
	 * @param deadline a {@link System#nanoTime()}
	 * @return false if the ride is due after the deadline (the pacer is left as it was), or if the replay was
	 * cancelled while waiting
	 */
	boolean awaitTurnBefore(LocalDateTime pickup, long deadline) throws InterruptedException {
		long now = System.nanoTime();
		Turn turn = turn(pickup, now);
		if (turn.due() - now > 0 && turn.due() - deadline > 0) {
			return false;
		}
		take(turn);
		return await(turn.due() - now);
	}

	private boolean await(long wait) throws InterruptedException {
		return wait <= 0 || !this.cancellation.await(wait, TimeUnit.NANOSECONDS);
	}

	/** When the ride is due, and the clock and outlier once it has had its turn. */
	private Turn turn(LocalDateTime pickup, long now) {
		long due = Math.max(now, this.nextByRate);
		if (this.speedup == null) {
			return new Turn(due, null, null);
		}
		if (this.clock == null) {
			return new Turn(due, new Tick(instant(pickup, null), due), null);
		}
		long at = instant(pickup, this.clock.pickupMillis());
		if (Math.abs(at - this.clock.pickupMillis()) <= this.maxGapMillis) {
			return paced(this.clock, at, due);
		}
		if (this.outlier != null && Math.abs(at - this.outlier.pickupMillis()) <= this.maxGapMillis) {
			return paced(this.outlier, at, due);
		}
		return new Turn(due, this.clock, new Tick(at, due));
	}

	private Turn paced(Tick from, long at, long earliest) {
		long ahead = at - from.pickupMillis();
		if (ahead <= 0) {
			return new Turn(earliest, from, null);
		}
		long due = Math.max(earliest, from.dueNanos() + scaled(ahead));
		return new Turn(due, new Tick(at, due), null);
	}

	private void take(Turn turn) {
		if (this.speedup != null) {
			this.clock = turn.clock();
			this.outlier = turn.outlier();
		}
		this.nextByRate = turn.due() + this.intervalNanos;
	}

	private long scaled(long millis) {
		return (long) (millis * (double) TimeUnit.MILLISECONDS.toNanos(1) / this.speedup);
	}

	/** The pickup as epoch millis; a local time that occurs twice is taken at the offset nearest the reference. */
	private long instant(LocalDateTime pickup, Long reference) {
		List<ZoneOffset> offsets = this.zone.getRules().getValidOffsets(pickup);
		if (offsets.size() < 2 || reference == null) {
			return pickup.atZone(this.zone).toInstant().toEpochMilli();
		}
		long best = 0;
		for (int i = 0; i < offsets.size(); i++) {
			long candidate = pickup.toInstant(offsets.get(i)).toEpochMilli();
			if (i == 0 || Math.abs(candidate - reference) < Math.abs(best - reference)) {
				best = candidate;
			}
		}
		return best;
	}

	/** A paced ride: its pickup instant and when it was due, a {@link System#nanoTime()}. */
	private record Tick(long pickupMillis, long dueNanos) {
	}

	private record Turn(long due, Tick clock, Tick outlier) {
	}

}
