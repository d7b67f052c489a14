package io.ridestream.benchmark.streams;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RideProgressTests {

	private final AtomicLong clock = new AtomicLong();

	private final AtomicLong cpu = new AtomicLong();

	private final RideProgress progress = new RideProgress(3, this.clock::get,
			() -> new CpuClock.CpuTimes(this.cpu.get(), 2 * this.cpu.get(), 3 * this.cpu.get(), 4 * this.cpu.get(),
					5 * this.cpu.get()));

	@Test
	void timesTheRidesAfterTheFirstFromTheFirstToTheLast() throws InterruptedException {
		this.clock.set(5_000_000_000L);
		this.progress.ride();
		this.clock.set(6_000_000_000L);
		this.progress.ride();
		this.clock.set(7_000_000_000L);
		this.progress.ride();

		assertThat(this.progress.await(Duration.ZERO)).isTrue();
		assertThat(this.progress.seconds()).isEqualTo(2.0);
		assertThat(this.progress.ridesPerSecond()).isEqualTo(1.0);
	}

	@Test
	void measuresTheCpuUsedFromTheFirstRideToTheLast() throws InterruptedException {
		this.cpu.set(100);
		this.progress.ride();
		this.progress.ride();
		this.cpu.set(400);
		this.progress.ride();

		this.progress.await(Duration.ZERO);
		assertThat(this.progress.cpuBetween()).isEqualTo(new CpuClock.CpuTimes(300, 600, 900, 1200, 1500));
	}

	@Test
	void stopsWaitingUnfinishedWhenAbandoned() throws InterruptedException {
		this.progress.ride();

		this.progress.abandon();

		assertThat(this.progress.await(Duration.ofMinutes(1))).isFalse();
		assertThat(this.progress.processed()).isEqualTo(1);
	}

	@Test
	void isUnfinishedAfterTheTimeoutWithFewerRides() throws InterruptedException {
		this.progress.ride();
		this.progress.ride();

		assertThat(this.progress.await(Duration.ZERO)).isFalse();
	}

}
