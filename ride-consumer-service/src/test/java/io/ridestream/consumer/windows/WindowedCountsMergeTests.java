package io.ridestream.consumer.windows;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.ridestream.model.Ride;
import org.junit.jupiter.api.Test;

import static io.ridestream.consumer.windows.WindowRides.DAY;
import static io.ridestream.consumer.windows.WindowRides.ride;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging the windows of partitions gives the windows of all their rides, whatever the order and grouping.
 * Grace and retention are longer than the rides' spread, so that no ride is late and partitions agree on every
 * window whatever order rides arrive in.
 */
class WindowedCountsMergeTests {

	private static final WindowSpec HOPPING = WindowSpec.hopping(Duration.ofMinutes(15), Duration.ofMinutes(5),
			Duration.ofDays(1), Duration.ofDays(2));

	private final List<Ride> rides = randomRides(new Random(20200701L), 400);

	private static List<Ride> randomRides(Random random, int count) {
		List<Ride> rides = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Integer passengers = (random.nextInt(10) == 0) ? null : 1 + random.nextInt(4);
			String total = BigDecimal.valueOf(random.nextInt(10_000), 2).toPlainString();
			rides.add(ride(DAY.plusSeconds(random.nextInt(3 * 3600)), passengers, 1 + random.nextInt(20),
					1 + random.nextInt(20), total));
		}
		return rides;
	}

	private WindowedCounts partition(int partition, int partitions) {
		WindowedCounts counts = new WindowedCounts(HOPPING);
		for (int i = partition; i < this.rides.size(); i += partitions) {
			counts.add(this.rides.get(i));
		}
		return counts;
	}

	private static List<WindowFigures> all(WindowedCounts counts) {
		return counts.windows(null, null, Integer.MAX_VALUE);
	}

	@Test
	void mergeOfPartitionsHasTheWindowsOfAllTheirRidesInOne() {
		WindowedCounts single = partition(0, 1);
		WindowedCounts first = partition(0, 2);
		WindowedCounts second = partition(1, 2);

		assertThat(all(first.merge(second))).isEqualTo(all(single));
		assertThat(all(second.merge(first))).isEqualTo(all(single));
		assertThat(first.merge(second).streamTime()).isEqualTo(single.streamTime());
		assertThat(single.lateRides()).isZero();
	}

	@Test
	void revenueOfMergedWindowsIsTheExactSumOfTheirRides() {
		WindowedCounts merged = partition(0, 3).merge(partition(1, 3)).merge(partition(2, 3));

		for (WindowFigures window : all(merged)) {
			BigDecimal expected = this.rides.stream()
				.filter((ride) -> !ride.pickupTime().isBefore(window.start()) && ride.pickupTime().isBefore(window.end()))
				.map(Ride::totalAmount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(window.revenue()).isEqualTo(expected);
		}
		assertThat(all(merged).stream().mapToLong(WindowFigures::rides).sum())
			.isEqualTo(this.rides.size() * HOPPING.windowsPerTime());
	}

	@Test
	void mergeIsCommutativeAndAssociative() {
		WindowedCounts a = partition(0, 3);
		WindowedCounts b = partition(1, 3);
		WindowedCounts c = partition(2, 3);

		assertThat(a.merge(b)).isEqualTo(b.merge(a));
		assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
		assertThat(c.merge(a).merge(b)).isEqualTo(a.merge(b).merge(c));
	}

	@Test
	void mergeWithNoRidesChangesNothing() {
		WindowedCounts a = partition(0, 3);

		assertThat(a.merge(new WindowedCounts(HOPPING))).isEqualTo(a);
		assertThat(new WindowedCounts(HOPPING).merge(a)).isEqualTo(a);
	}

}
