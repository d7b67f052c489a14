package io.ridestream.producer.replay;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTests {

	private static final LocalDateTime EIGHT_AM = LocalDateTime.of(2020, 7, 1, 8, 0);

	private final CountDownLatch cancellation = new CountDownLatch(1);

	@Test
	void sendsAsFastAsPossibleWithoutRateOrSpeedup() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, null, null));

		Duration took = time(() -> {
			for (int hour = 0; hour < 10; hour++) {
				assertThat(pacer.awaitTurn(EIGHT_AM.plusHours(hour))).isTrue();
			}
		});

		assertThat(took).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void spacesRidesByTheRate() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, 20.0, null, null));

		Duration took = time(() -> {
			for (int ride = 0; ride < 5; ride++) {
				pacer.awaitTurn(EIGHT_AM);
			}
		});

		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void spacesRidesByTheirPickupTimesScaledBySpeedup() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, 3600.0, null));

		Duration took = time(() -> {
			pacer.awaitTurn(EIGHT_AM);
			pacer.awaitTurn(EIGHT_AM.plusMinutes(18));
		});

		// 18 minutes at 3600 times the speed: 0.3 s.
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void takesARideDueNowWithoutWaiting() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, null, null));

		assertThat(pacer.awaitTurnBefore(EIGHT_AM, System.nanoTime())).isTrue();
		assertThat(pacer.awaitTurnBefore(EIGHT_AM.plusHours(1), System.nanoTime())).isTrue();
	}

	@Test
	void leavesARideNotDueYetToWaitFor() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, 3600.0, null));
		assertThat(pacer.awaitTurnBefore(EIGHT_AM, System.nanoTime())).isTrue();

		// 18 minutes at 3600 times the speed: due in 0.3 s, so not within 0.1 s, and still due then.
		assertThat(pacer.awaitTurnBefore(EIGHT_AM.plusMinutes(18), System.nanoTime() + 100_000_000L)).isFalse();
		Duration took = time(() -> pacer.awaitTurn(EIGHT_AM.plusMinutes(18)));

		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250));
	}

	@Test
	void honoursTheRateAmongRidesPickedUpTogether() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, 10.0, 60.0, null));

		Duration took = time(() -> {
			for (int ride = 0; ride < 3; ride++) {
				pacer.awaitTurn(EIGHT_AM);
			}
		});

		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void sendsARidePickedUpBeforeThePreviousOnesAtOnce() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, 1.0, null));
		pacer.awaitTurn(EIGHT_AM);

		// At real speed, a ride an hour later would wait an hour; one an hour earlier is overdue.
		Duration took = time(() -> assertThat(pacer.awaitTurn(EIGHT_AM.minusHours(1))).isTrue());

		assertThat(took).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void pacesASpringForwardNightByRealTime() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, 120.0, null));
		pacer.awaitTurn(LocalDateTime.of(2020, 3, 8, 1, 59));

		// 01:59 EST to 03:01 EDT is 2 minutes, not 62: 1 s at 120 times the speed.
		long start = System.nanoTime();
		assertThat(pacer.awaitTurnBefore(LocalDateTime.of(2020, 3, 8, 3, 1), start + TimeUnit.SECONDS.toNanos(5)))
			.isTrue();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void pacesTheRepeatedHourOfAFallBackNight() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, 1200.0, null));
		pacer.awaitTurn(LocalDateTime.of(2020, 11, 1, 1, 50));

		// 01:50 EDT, then 01:10 EST: 20 minutes later, 1 s at 1200 times the speed.
		Duration took = time(() -> pacer.awaitTurn(LocalDateTime.of(2020, 11, 1, 1, 10)));

		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void sendsARideFromAFarFutureYearAtOnceAndPacesTheNextByThePreviousRides() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, 600.0, null));
		pacer.awaitTurn(EIGHT_AM);

		Duration outlier = time(() -> assertThat(
				pacer.awaitTurnBefore(EIGHT_AM.withYear(2088), System.nanoTime() + TimeUnit.SECONDS.toNanos(2)))
			.isTrue());
		// 8:05 is 5 minutes after 8:00: 0.5 s at 600 times the speed, counted from 8:00's turn.
		Duration next = time(() -> pacer.awaitTurn(EIGHT_AM.plusMinutes(5)));

		assertThat(outlier).isLessThan(Duration.ofMillis(200));
		assertThat(outlier.plus(next)).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void pacesTheRidesAfterAFirstRideFromAFarPastYear() throws InterruptedException {
		Pacer pacer = pacer(new ReplayOptions(null, null, 600.0, null));
		pacer.awaitTurn(EIGHT_AM.withYear(2002));
		assertThat(pacer.awaitTurnBefore(EIGHT_AM, System.nanoTime() + TimeUnit.SECONDS.toNanos(2))).isTrue();

		// Deadline 3 s: unbounded, 8:05 would be due 18 years after 2002 at 600 times the speed.
		long start = System.nanoTime();
		assertThat(pacer.awaitTurnBefore(EIGHT_AM.plusMinutes(5), start + TimeUnit.SECONDS.toNanos(3))).isTrue();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
	}

	@Test
	void stopsWaitingWhenCancelled() throws Exception {
		Pacer pacer = pacer(new ReplayOptions(null, 0.001, null, null));
		pacer.awaitTurn(EIGHT_AM);
		// The next ride is due in 1000 s.
		CompletableFuture<Boolean> turn = CompletableFuture.supplyAsync(() -> {
			try {
				return pacer.awaitTurn(EIGHT_AM);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});

		this.cancellation.countDown();

		assertThat(turn.get(5, TimeUnit.SECONDS)).isFalse();
	}

	/** A pacer for rides picked up in New York, pacing gaps of up to an hour. */
	private Pacer pacer(ReplayOptions options) {
		return new Pacer(options, this.cancellation, Duration.ofHours(1), ZoneId.of("America/New_York"));
	}

	private static Duration time(Paced paced) throws InterruptedException {
		long start = System.nanoTime();
		paced.run();
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@FunctionalInterface
	private interface Paced {

		void run() throws InterruptedException;

	}

}
