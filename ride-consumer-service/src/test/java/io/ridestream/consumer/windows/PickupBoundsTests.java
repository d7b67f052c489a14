package io.ridestream.consumer.windows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.ridestream.model.Ride;
import org.junit.jupiter.api.Test;

import static io.ridestream.consumer.windows.WindowRides.at;
import static io.ridestream.consumer.windows.WindowRides.ride;
import static io.ridestream.consumer.windows.WindowRides.rideAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rides picked up at outlying times are counted outside the windows and move nothing.
 */
class PickupBoundsTests {

	private static final WindowSpec TUMBLING = WindowSpec.tumbling(Duration.ofMinutes(10), Duration.ofMinutes(5),
			Duration.ofHours(1));

	/** The wall clock stands at 2026-11-30. */
	private static final PickupBounds BOUNDS = new PickupBounds(LocalDateTime.parse("2009-01-01T00:00:00"),
			Duration.ofDays(1), 3, Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void aRideFarAheadOfStreamTimeIsCountedOutsideTheWindowsAndMovesNothing() {
		WindowedCounts counts = counted(rideAt("00:01"), rideAt("00:02"), ride(at("00:03").plusDays(2), 1, 1, 2, "5"),
				rideAt("00:04"));

		assertThat(counts.ridesOutsideWindows()).isEqualTo(1);
		assertThat(counts.streamTime()).isEqualTo(at("00:04"));
		assertThat(counts.window(at("00:00")).rides()).isEqualTo(3);
		assertThat(counts.lateRides()).isZero();
	}

	@Test
	void aFirstRideBeforeTheEarliestPlausiblePickupDoesNotSetStreamTime() {
		WindowedCounts counts = counted(ride(LocalDateTime.parse("2002-01-01T03:00:00"), 1, 1, 2, "5"),
				rideAt("00:01"));

		assertThat(counts.ridesOutsideWindows()).isEqualTo(1);
		assertThat(counts.streamTime()).isEqualTo(at("00:01"));
		assertThat(counts.windowCount()).isEqualTo(1);
	}

	@Test
	void aFirstRideAfterTheWallClockIsImplausible() {
		WindowedCounts counts = counted(ride(LocalDateTime.parse("2088-07-01T10:00:00"), 1, 1, 2, "5"),
				rideAt("00:01"));

		assertThat(counts.ridesOutsideWindows()).isEqualTo(1);
		assertThat(counts.streamTime()).isEqualTo(at("00:01"));
	}

	@Test
	void streamTimeJumpsOnceEnoughRidesInARowAgreeOnALaterTime() {
		LocalDateTime nextMonth = at("00:00").plusMonths(1);
		WindowedCounts counts = counted(rideAt("00:01"), ride(nextMonth.plusMinutes(1), 1, 1, 2, "5"),
				ride(nextMonth.plusMinutes(3), 1, 1, 2, "5"), ride(nextMonth.plusMinutes(2), 1, 1, 2, "5"),
				ride(nextMonth.plusMinutes(4), 1, 1, 2, "5"));

		assertThat(counts.ridesOutsideWindows()).isEqualTo(2);
		assertThat(counts.streamTime()).isEqualTo(nextMonth.plusMinutes(4));
		assertThat(counts.window(nextMonth).rides()).isEqualTo(2);
		assertThat(counts.window(at("00:00"))).as("evicted").isNull();
	}

	@Test
	void streamTimeFollowsASparseLaterMonthWhoseRidesInARowSpanMoreThanMaxAhead() {
		// A green month on 6 partitions: a partition sees a few hundred rides a day, so its run of rides far ahead
		// spans days; each ride is close to the one before it.
		LocalDateTime nextMonth = at("00:00").plusMonths(1);
		WindowedCounts counts = counted(rideAt("00:01"), ride(nextMonth, 1, 1, 2, "5"),
				ride(nextMonth.plusHours(20), 1, 1, 2, "5"), ride(nextMonth.plusHours(40), 1, 1, 2, "5"),
				ride(nextMonth.plusHours(60), 1, 1, 2, "5"));

		assertThat(counts.ridesOutsideWindows()).isEqualTo(2);
		assertThat(counts.streamTime()).isEqualTo(nextMonth.plusHours(60));
	}

	@Test
	void ridesFarAheadThatDisagreeWithEachOtherNeverMoveStreamTime() {
		WindowedCounts counts = counted(rideAt("00:01"), ride(at("00:01").plusYears(10), 1, 1, 2, "5"),
				ride(at("00:01").plusYears(20), 1, 1, 2, "5"), ride(at("00:01").plusYears(30), 1, 1, 2, "5"),
				ride(at("00:01").plusYears(40), 1, 1, 2, "5"));

		assertThat(counts.ridesOutsideWindows()).isEqualTo(4);
		assertThat(counts.streamTime()).isEqualTo(at("00:01"));
	}

	@Test
	void aRideWithinBoundsEndsARunOfRidesFarAhead() {
		LocalDateTime nextMonth = at("00:00").plusMonths(1);
		WindowedCounts counts = counted(rideAt("00:01"), ride(nextMonth, 1, 1, 2, "5"), ride(nextMonth, 1, 1, 2, "5"),
				rideAt("00:02"), ride(nextMonth, 1, 1, 2, "5"));

		assertThat(counts.ridesOutsideWindows()).isEqualTo(3);
		assertThat(counts.streamTime()).isEqualTo(at("00:02"));
	}

	@Test
	void theRunOfRidesFarAheadSurvivesAStateRoundTrip() {
		LocalDateTime nextMonth = at("00:00").plusMonths(1);
		WindowedCounts counts = counted(rideAt("00:01"), ride(nextMonth, 1, 1, 2, "5"), ride(nextMonth, 1, 1, 2, "5"));

		WindowedCounts restored = WindowedCounts.of(TUMBLING, counts.state());
		restored.add(ride(nextMonth, 1, 1, 2, "5"), BOUNDS, 1, 2);

		assertThat(restored.streamTime()).isEqualTo(nextMonth);
		assertThat(restored.ridesOutsideWindows()).isEqualTo(2);
	}

	@Test
	void aPickupAfterTheWallClockBecomesPlausibleOnceTheClockHasMovedOn() {
		MovingClock clock = new MovingClock(Instant.parse("2026-11-30T12:00:00Z"));
		PickupBounds bounds = new PickupBounds(BOUNDS.earliest(), Duration.ofDays(1), 3, clock);
		WindowedCounts counts = new WindowedCounts(TUMBLING);
		Ride tomorrow = ride(LocalDateTime.parse("2026-12-01T11:00:00"), 1, 1, 2, "5");
		Ride dayAfter = ride(LocalDateTime.parse("2026-12-02T00:00:00"), 1, 1, 2, "5");

		counts.add(tomorrow, bounds, 1, 1);
		counts.add(dayAfter, bounds, 1, 1);
		clock.now = clock.now.plus(Duration.ofDays(1));
		counts.add(dayAfter, bounds, 1, 1);

		assertThat(counts.ridesOutsideWindows()).isEqualTo(1);
		assertThat(counts.streamTime()).isEqualTo(dayAfter.pickupTime());
	}

	/** A wall clock that a test moves on. */
	private static final class MovingClock extends Clock {

		private Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	private static WindowedCounts counted(Ride... rides) {
		WindowedCounts counts = new WindowedCounts(TUMBLING);
		for (Ride ride : rides) {
			counts.add(ride, BOUNDS, ride.pickupLocationId(), ride.dropoffLocationId());
		}
		return counts;
	}

}
