package io.ridestream.consumer.windows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import io.ridestream.consumer.counting.ZoneCount;
import org.junit.jupiter.api.Test;

import static io.ridestream.consumer.windows.WindowRides.at;
import static io.ridestream.consumer.windows.WindowRides.countsOf;
import static io.ridestream.consumer.windows.WindowRides.ride;
import static io.ridestream.consumer.windows.WindowRides.rideAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

class WindowedCountsTests {

	private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	private static final WindowSpec TUMBLING = WindowSpec.tumbling(TEN_MINUTES, Duration.ZERO, Duration.ofHours(1));

	private static final WindowSpec TUMBLING_WITH_GRACE = WindowSpec.tumbling(TEN_MINUTES, Duration.ofMinutes(1),
			Duration.ofHours(1));

	private static final WindowSpec HOPPING = WindowSpec.hopping(TEN_MINUTES, Duration.ofMinutes(5), Duration.ZERO,
			Duration.ofHours(1));

	@Test
	void hasNoStreamTimeAndNoWindowsBeforeTheFirstRide() {
		WindowedCounts counts = new WindowedCounts(TUMBLING);

		assertThat(counts.streamTime()).isNull();
		assertThat(counts.watermark()).isNull();
		assertThat(counts.windows(null, null, 10)).isEmpty();
	}

	@Test
	void ridesUpToTheLastSecondOfATumblingWindowShareItAndTheNextSecondStartsTheNext() {
		WindowedCounts counts = countsOf(TUMBLING, rideAt("00:00:00"), rideAt("00:09:59"), rideAt("00:10:00"));

		assertThat(counts.window(at("00:00")).rides()).isEqualTo(2);
		assertThat(counts.window(at("00:00")).end()).isEqualTo(at("00:10"));
		assertThat(counts.window(at("00:10")).rides()).isEqualTo(1);
		assertThat(counts.windowCount()).isEqualTo(2);
	}

	@Test
	void sumsRevenueExactlyAndPassengersCountingMissingOnesAsNone() {
		WindowedCounts counts = countsOf(TUMBLING, ride(at("00:01"), 2, 1, 2, "10.10"),
				ride(at("00:02"), null, 1, 2, "0.2"), ride(at("00:03"), 3, 1, 2, "5"));

		WindowFigures window = counts.window(at("00:00"));
		assertThat(window.revenue()).isEqualTo(new BigDecimal("15.30"));
		assertThat(window.passengers()).isEqualTo(5);
		assertThat(window.rides()).isEqualTo(3);
	}

	@Test
	void streamTimeIsTheLatestPickupSeenAndNeverGoesBack() {
		WindowedCounts counts = countsOf(TUMBLING, rideAt("00:15"), rideAt("00:05"));

		assertThat(counts.streamTime()).isEqualTo(at("00:15"));
		assertThat(counts.watermark()).isEqualTo(at("00:15"));
	}

	@Test
	void rideForAWindowStillInItsGraceIsCounted() {
		WindowedCounts counts = countsOf(TUMBLING_WITH_GRACE, rideAt("00:10:30"), rideAt("00:09:30"));

		WindowFigures window = counts.window(at("00:00"));
		assertThat(window.rides()).isEqualTo(1);
		assertThat(window.lateRides()).isZero();
		assertThat(window.closed()).isFalse();
		assertThat(counts.lateRides()).isZero();
	}

	@Test
	void rideForAWindowPastItsEndPlusGraceIsLateAndNotCounted() {
		WindowedCounts counts = countsOf(TUMBLING_WITH_GRACE, rideAt("00:05"), rideAt("00:11:00"),
				ride(at("00:09:30"), 4, 7, 8, "99.99"));

		WindowFigures window = counts.window(at("00:00"));
		assertThat(window.closed()).isTrue();
		assertThat(window.lateRides()).isEqualTo(1);
		assertThat(window.rides()).isEqualTo(1);
		assertThat(window.revenue()).isEqualTo(new BigDecimal("10.00"));
		assertThat(window.passengers()).isEqualTo(1);
		assertThat(window.pickupsByZone()).containsOnly(entry(1, 1L));
		assertThat(counts.lateRides()).isEqualTo(1);
		assertThat(counts.lateRidesForEvictedWindows()).isZero();
	}

	@Test
	void lateRideForAClosedWindowWithoutRidesOpensItOnlyToCountTheLateRide() {
		WindowedCounts counts = countsOf(TUMBLING, rideAt("00:30"), rideAt("00:15"));

		WindowFigures window = counts.window(at("00:10"));
		assertThat(window.rides()).isZero();
		assertThat(window.lateRides()).isEqualTo(1);
		assertThat(window.revenue()).isZero();
	}

	@Test
	void rideIsCountedInEveryHoppingWindowThatContainsIt() {
		WindowedCounts counts = countsOf(HOPPING, rideAt("00:03"), rideAt("00:07"), rideAt("00:12"));

		assertThat(counts.window(at("00:00")).rides()).isEqualTo(2);
		assertThat(counts.window(at("00:05")).rides()).isEqualTo(2);
		assertThat(counts.window(at("00:10")).rides()).isEqualTo(1);
		assertThat(counts.window(at("23:55").minusDays(1)).rides()).isEqualTo(1);
	}

	@Test
	void rideCanBeLateForOneHoppingWindowAndCountedInTheOther() {
		WindowedCounts counts = countsOf(HOPPING, rideAt("00:12"), ride(at("00:07"), 2, 1, 2, "8.50"));

		WindowFigures closed = counts.window(at("00:00"));
		WindowFigures open = counts.window(at("00:05"));
		assertThat(closed.closed()).isTrue();
		assertThat(closed.lateRides()).isEqualTo(1);
		assertThat(closed.rides()).isZero();
		assertThat(open.closed()).isFalse();
		assertThat(open.rides()).isEqualTo(2);
		assertThat(open.revenue()).isEqualTo(new BigDecimal("18.50"));
		assertThat(counts.lateRides()).isEqualTo(1);
	}

	@Test
	void rideLateForTwoHoppingWindowsCountsOnceInTheTotal() {
		WindowedCounts counts = countsOf(HOPPING, rideAt("00:30"), rideAt("00:07"));

		assertThat(counts.window(at("00:00")).lateRides()).isEqualTo(1);
		assertThat(counts.window(at("00:05")).lateRides()).isEqualTo(1);
		assertThat(counts.lateRides()).isEqualTo(1);
	}

	@Test
	void keepsOnlyWindowsWithinRetentionOfStreamTime() {
		WindowSpec spec = WindowSpec.tumbling(TEN_MINUTES, Duration.ZERO, Duration.ofMinutes(30));
		WindowedCounts counts = new WindowedCounts(spec);
		for (LocalDateTime pickup = at("00:00"); !pickup.isAfter(at("02:00")); pickup = pickup.plusMinutes(10)) {
			counts.add(WindowRides.ride(pickup, 1, 1, 2, "10.00"));
		}

		assertThat(counts.windows(null, null, 100)).extracting(WindowFigures::start)
			.containsExactly(at("02:00"), at("01:50"), at("01:40"), at("01:30"));
	}

	@Test
	void veryLateRideForAnEvictedWindowCountsOnlyInTheTotals() {
		WindowSpec spec = WindowSpec.tumbling(TEN_MINUTES, Duration.ZERO, Duration.ofMinutes(30));
		WindowedCounts counts = countsOf(spec, rideAt("00:15"), rideAt("02:00"));
		assertThat(counts.window(at("00:10"))).isNull();

		counts.add(rideAt("00:15"));
		counts.add(rideAt("01:35"));

		assertThat(counts.window(at("00:10"))).isNull();
		assertThat(counts.lateRides()).isEqualTo(2);
		assertThat(counts.lateRidesForEvictedWindows()).isEqualTo(1);
		assertThat(counts.window(at("01:30")).lateRides()).isEqualTo(1);
		assertThat(counts.windows(null, null, 100)).extracting(WindowFigures::start)
			.containsExactly(at("02:00"), at("01:30"));
	}

	@Test
	void listsWindowsLatestFirstWithinStartBoundsUpToTheLimit() {
		WindowedCounts counts = countsOf(TUMBLING, rideAt("00:01"), rideAt("00:11"), rideAt("00:21"),
				rideAt("00:31"), rideAt("00:41"));

		assertThat(counts.windows(null, null, 3)).extracting(WindowFigures::start)
			.containsExactly(at("00:40"), at("00:30"), at("00:20"));
		assertThat(counts.windows(at("00:10"), at("00:40"), 10)).extracting(WindowFigures::start)
			.containsExactly(at("00:30"), at("00:20"), at("00:10"));
		assertThat(counts.windows(at("00:05"), null, 10)).extracting(WindowFigures::start)
			.containsExactly(at("00:40"), at("00:30"), at("00:20"), at("00:10"));
		assertThat(counts.windows(null, at("00:10"), 10)).extracting(WindowFigures::start)
			.containsExactly(at("00:00"));
	}

	@Test
	void rejectsAQueryForNoWindowsOrWithBoundsTheWrongWayRound() {
		WindowedCounts counts = countsOf(TUMBLING, rideAt("00:01"));

		assertThatIllegalArgumentException().isThrownBy(() -> counts.windows(null, null, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> counts.windows(at("00:20"), at("00:10"), 1));
	}

	@Test
	void topZonesAreTheFiveBusiestWithTiesBrokenByLowerZoneId() {
		WindowedCounts counts = new WindowedCounts(TUMBLING);
		int[] pickupZones = { 9, 9, 3, 3, 5, 1, 8, 2, 7, 7, 7 };
		for (int zone : pickupZones) {
			counts.add(ride(at("00:01"), 1, zone, 100 - zone, "1"));
		}

		WindowFigures window = counts.window(at("00:00"));
		assertThat(window.topPickupZones()).containsExactly(new ZoneCount(7, 3), new ZoneCount(3, 2),
				new ZoneCount(9, 2), new ZoneCount(1, 1), new ZoneCount(2, 1));
		assertThat(window.topDropoffZones()).containsExactly(new ZoneCount(93, 3), new ZoneCount(91, 2),
				new ZoneCount(97, 2), new ZoneCount(92, 1), new ZoneCount(95, 1));
		assertThat(window.pickupsByZone()).containsOnly(entry(9, 2L), entry(3, 2L), entry(5, 1L), entry(1, 1L),
				entry(8, 1L), entry(2, 1L), entry(7, 3L));
	}

	@Test
	void countsManyZonesInOneWindow() {
		WindowedCounts counts = new WindowedCounts(TUMBLING);
		for (int zone = 1; zone <= 265; zone++) {
			for (int i = 0; i < zone % 4; i++) {
				counts.add(ride(at("00:01"), 1, zone, zone, "1"));
			}
		}

		Map<Integer, Long> pickups = counts.window(at("00:00")).pickupsByZone();
		assertThat(pickups).hasSize(199);
		assertThat(pickups).allSatisfy((zone, rides) -> assertThat(rides).isEqualTo(zone % 4));
	}

	@Test
	void stateRoundTripKeepsEverything() {
		WindowedCounts counts = countsOf(HOPPING, ride(at("00:07"), 2, 4, 5, "12.34"), rideAt("00:12"),
				ride(at("00:03"), null, 6, 5, "0.01"), rideAt("00:40"), rideAt("00:11"));

		WindowedCounts restored = WindowedCounts.of(HOPPING, counts.state());

		assertThat(restored).isEqualTo(counts);
		assertThat(restored.windows(null, null, 100)).isEqualTo(counts.windows(null, null, 100));
		assertThat(restored.lateRides()).isEqualTo(2);
	}

	@Test
	void rejectsStateWithWindowsNotAlignedToTheSpec() {
		WindowedCounts.State state = countsOf(HOPPING, rideAt("00:07")).state();

		assertThatIllegalArgumentException().isThrownBy(() -> WindowedCounts.of(TUMBLING, state))
			.withMessageContaining("not aligned");
	}

	@Test
	void copyIsIndependentOfTheOriginal() {
		WindowedCounts counts = countsOf(TUMBLING, rideAt("00:01"));
		WindowedCounts copy = counts.copy();

		counts.add(rideAt("00:02"));

		assertThat(copy.window(at("00:00")).rides()).isEqualTo(1);
		assertThat(counts.window(at("00:00")).rides()).isEqualTo(2);
	}

	@Test
	void mergedWindowIsClosedOnlyOnceEveryPartitionWithRidesHasPassedIt() {
		WindowedCounts ahead = countsOf(TUMBLING, rideAt("00:01"), rideAt("00:20"));
		WindowedCounts behind = countsOf(TUMBLING, rideAt("00:02"), rideAt("00:08"));
		WindowedCounts idle = new WindowedCounts(TUMBLING);

		WindowedCounts merged = ahead.merge(behind).merge(idle);
		assertThat(ahead.window(at("00:00")).closed()).isTrue();
		assertThat(merged.watermark()).isEqualTo(at("00:08"));
		assertThat(merged.streamTime()).isEqualTo(at("00:20"));
		assertThat(merged.window(at("00:00")).closed()).isFalse();
		assertThat(merged.window(at("00:00")).rides()).isEqualTo(3);

		behind.add(rideAt("00:10"));
		assertThat(ahead.merge(behind).merge(idle).window(at("00:00")).closed()).isTrue();
	}

	@Test
	void mergedViewEvictsWindowsOnlyOnceThePartitionFurthestBehindHasPassedThem() {
		WindowedCounts ahead = countsOf(TUMBLING, rideAt("00:01"), rideAt("01:30"));
		WindowedCounts behind = countsOf(TUMBLING, rideAt("00:02"), rideAt("00:25"), rideAt("00:35"));

		WindowedCounts merged = ahead.merge(behind);

		assertThat(ahead.window(at("00:00"))).isNull();
		assertThat(merged.window(at("00:00")).rides()).as("the rides of the partition behind").isEqualTo(1);
		assertThat(merged.window(at("00:20")).rides()).isEqualTo(1);
		assertThat(merged.window(at("00:30")).rides()).isEqualTo(1);
		assertThat(merged.window(at("01:30")).rides()).isEqualTo(1);
		assertThat(merged.watermark()).isEqualTo(at("00:35"));
	}

	@Test
	void mergedViewOfPartitionsAtDifferentStreamTimesTakesNoRides() {
		WindowedCounts merged = countsOf(TUMBLING, rideAt("00:01")).merge(countsOf(TUMBLING, rideAt("00:20")));

		assertThatIllegalStateException().isThrownBy(() -> merged.add(rideAt("00:30")));
	}

	@Test
	void mergeSumsLateRideTotals() {
		WindowedCounts first = countsOf(TUMBLING, rideAt("01:30"), rideAt("00:05"));
		WindowedCounts second = countsOf(TUMBLING, rideAt("00:30"), rideAt("00:15"));

		WindowedCounts merged = first.merge(second);

		assertThat(merged.lateRides()).isEqualTo(2);
		assertThat(merged.lateRidesForEvictedWindows()).isEqualTo(1);
	}

	@Test
	void rejectsMergingCountsOfDifferentWindows() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WindowedCounts(TUMBLING).merge(new WindowedCounts(HOPPING)));
	}

	@Test
	void mergeLeavesItsInputsUnchanged() {
		WindowedCounts first = countsOf(TUMBLING, rideAt("00:01"));
		WindowedCounts second = countsOf(TUMBLING, ride(at("00:01"), 3, 4, 5, "6"));
		WindowedCounts firstBefore = first.copy();
		WindowedCounts secondBefore = second.copy();

		WindowedCounts merged = first.merge(second);
		merged.add(rideAt("00:03"));

		assertThat(merged.window(at("00:00")).rides()).isEqualTo(3);
		assertThat(first).isEqualTo(firstBefore);
		assertThat(second).isEqualTo(secondBefore);
	}

	@Test
	void copyTellsTheWindowsItChangedAndLeavesTheOriginalAsItWas() {
		WindowedCounts original = countsOf(TUMBLING, rideAt("00:01"), rideAt("00:12"));
		WindowedCounts copy = original.copy();

		copy.add(rideAt("00:13"));
		copy.add(rideAt("00:25"));

		assertThat(copy.changes().changed()).extracting(WindowedCounts.WindowState::start)
			.containsExactly(at("00:10"), at("00:20"));
		assertThat(copy.changes().changed().get(0).rides()).isEqualTo(2);
		assertThat(copy.changes().evicted()).isEmpty();
		assertThat(original.window(at("00:10")).rides()).isEqualTo(1);
		assertThat(original.window(at("00:20"))).isNull();
	}

	@Test
	void copyTellsTheWindowsItEvicted() {
		WindowSpec shortRetention = WindowSpec.tumbling(TEN_MINUTES, Duration.ZERO, Duration.ofMinutes(20));
		WindowedCounts copy = countsOf(shortRetention, rideAt("00:01"), rideAt("00:12")).copy();

		copy.add(rideAt("00:41"));

		assertThat(copy.changes().evicted()).containsExactly(at("00:00"), at("00:10"));
		assertThat(copy.changes().changed()).extracting(WindowedCounts.WindowState::start)
			.containsExactly(at("00:40"));
	}

	@Test
	void windowsAndProgressReadFromAChangelogMakeTheSameCounts() {
		// 00:03 comes after 00:12: late for the window from 00:00 (closed at 00:10), counted in the one from 23:55.
		WindowedCounts counted = countsOf(HOPPING, rideAt("00:01"), rideAt("00:12"), rideAt("00:03"));

		Map<LocalDateTime, WindowedCounts.WindowState> windows = new HashMap<>();
		counted.state().windows().forEach((window) -> windows.put(window.start(), window));
		WindowedCounts rebuilt = new WindowedCounts(HOPPING).withChanges(counted.progress(), windows);
		Map<LocalDateTime, WindowedCounts.WindowState> removal = new HashMap<>();
		removal.put(at("00:00"), null);

		assertThat(rebuilt).isEqualTo(counted);
		assertThat(rebuilt.withChanges(null, removal).window(at("00:00"))).isNull();
		assertThat(rebuilt.window(at("00:00")).lateRides()).isEqualTo(1);
		assertThat(rebuilt.lateRides()).isEqualTo(1);
		assertThat(rebuilt.window(at("00:00")).rides()).as("unchanged by withoutWindow").isEqualTo(1);
	}

}
