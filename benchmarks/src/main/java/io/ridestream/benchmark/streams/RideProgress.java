package io.ridestream.benchmark.streams;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Counts the rides the topology has processed and notes when the first and the last expected one were: the
 * peer's throughput, and the CPU it took in between. The stream threads call {@link #ride()}; the main thread
 * waits in {@link #await}.
 */
final class RideProgress {

	private final long expected;

	private final LongSupplier nanoClock;

	private final Supplier<CpuClock.CpuTimes> cpu;

	private final AtomicLong processed = new AtomicLong();

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile long firstNanos;

	private volatile long lastNanos;

	private volatile CpuClock.CpuTimes firstCpu;

	private volatile CpuClock.CpuTimes lastCpu;

	/**
	 * @param expected the rides to wait for
	 * @param nanoClock e.g. {@link System#nanoTime}
	 * @param cpu the CPU used so far, read on the stream thread that processed the first and the last ride
	 */
	RideProgress(long expected, LongSupplier nanoClock, Supplier<CpuClock.CpuTimes> cpu) {
		if (expected < 2) {
			throw new IllegalArgumentException("expected rides must be at least 2 to time them, was " + expected);
		}
		this.expected = expected;
		this.nanoClock = nanoClock;
		this.cpu = cpu;
	}

	/** One more ride was processed. */
	void ride() {
		long count = this.processed.incrementAndGet();
		if (count == 1) {
			this.firstNanos = this.nanoClock.getAsLong();
			this.firstCpu = this.cpu.get();
		}
		else if (count == this.expected) {
			this.lastNanos = this.nanoClock.getAsLong();
			this.lastCpu = this.cpu.get();
			this.finished.countDown();
		}
	}

	/** Stops waiting: the application failed or is shutting down. */
	void abandon() {
		this.finished.countDown();
	}

	/**
	 * Waits until the expected rides were processed, the application gave up or the timeout passed.
	 * @return whether every expected ride was processed
	 */
	boolean await(Duration timeout) throws InterruptedException {
		this.finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		return this.processed.get() >= this.expected && this.lastCpu != null;
	}

	long processed() {
		return this.processed.get();
	}

	/** Seconds from the first ride processed to the last expected one. */
	double seconds() {
		return (this.lastNanos - this.firstNanos) / 1e9;
	}

	/** The rides processed after the first one, over the time since it. */
	double ridesPerSecond() {
		return (this.expected - 1) / seconds();
	}

	/** The CPU used from the first ride processed to the last expected one. */
	CpuClock.CpuTimes cpuBetween() {
		return this.lastCpu.minus(this.firstCpu);
	}

}
