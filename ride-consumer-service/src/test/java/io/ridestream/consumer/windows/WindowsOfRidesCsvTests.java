package io.ridestream.consumer.windows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.model.Ride;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows of the real sample of rides, checked against a grouping worked out without the code under test.
 */
class WindowsOfRidesCsvTests {

	private final List<Ride> rides = RidesCsvFigures.rides();

	@Test
	void tenMinuteWindowsOfTheSampleMatchAGroupingByPickupTime() {
		WindowedCounts counts = new WindowedCounts(
				WindowSpec.tumbling(Duration.ofMinutes(10), Duration.ofDays(1), Duration.ofDays(2)));
		this.rides.forEach(counts::add);

		Map<LocalDateTime, List<Ride>> expected = this.rides.stream()
			.collect(Collectors.groupingBy(WindowsOfRidesCsvTests::tenMinutesStart, TreeMap::new, Collectors.toList()));

		List<WindowFigures> windows = counts.windows(null, null, Integer.MAX_VALUE);
		assertThat(windows).extracting(WindowFigures::start)
			.containsExactlyElementsOf(((TreeMap<LocalDateTime, List<Ride>>) expected).descendingKeySet());
		for (WindowFigures window : windows) {
			List<Ride> inWindow = expected.get(window.start());
			assertThat(window.rides()).as("rides from %s", window.start()).isEqualTo(inWindow.size());
			assertThat(window.revenue()).as("revenue from %s", window.start())
				.isEqualTo(inWindow.stream().map(Ride::totalAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
			assertThat(window.closed()).isFalse();
		}
		assertThat(counts.lateRides()).isZero();
	}

	@Test
	void everyRideOfTheSampleIsCountedInItsWindowOrAsLate() {
		WindowedCounts counts = new WindowedCounts(
				WindowSpec.tumbling(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofDays(1)));
		this.rides.forEach(counts::add);

		long counted = counts.windows(null, null, Integer.MAX_VALUE).stream().mapToLong(WindowFigures::rides).sum();
		assertThat(counts.lateRides()).isPositive();
		assertThat(counted + counts.lateRides()).isEqualTo(this.rides.size());
	}

	private static LocalDateTime tenMinutesStart(Ride ride) {
		LocalDateTime pickup = ride.pickupTime();
		return pickup.truncatedTo(ChronoUnit.HOURS).plusMinutes(pickup.getMinute() / 10 * 10);
	}

}
