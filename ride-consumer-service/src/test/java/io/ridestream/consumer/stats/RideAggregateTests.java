package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.ridestream.consumer.stats.RideFixtures.FIRST;
import static io.ridestream.consumer.stats.RideFixtures.FOURTH;
import static io.ridestream.consumer.stats.RideFixtures.SECOND;
import static io.ridestream.consumer.stats.RideFixtures.THIRD;
import static io.ridestream.consumer.stats.RideFixtures.aggregateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RideAggregateTests {

	private final RideAggregate all = aggregateOf(FIRST, SECOND, THIRD, FOURTH);

	@Test
	void sumsAmountsExactlyAsDecimals() {
		assertThat(this.all.totalAmount()).isEqualTo(new BigDecimal("72.60"));
		assertThat(this.all.totalFare()).isEqualTo(new BigDecimal("54.00"));
		assertThat(this.all.totalTips()).isEqualTo(new BigDecimal("7.60"));
		assertThat(this.all.totalDistance()).isEqualTo(new BigDecimal("15.06"));
	}

	@Test
	void countsRidesByVendorCode() {
		assertThat(this.all.rides()).isEqualTo(4);
		assertThat(this.all.ridesByVendor()).containsOnly(entry("1", 1L), entry("2", 3L));
	}

	@Test
	void countsRidesWithoutPaymentTypeAsUnknown() {
		assertThat(this.all.ridesByPaymentType()).containsOnly(entry("1", 2L), entry("2", 1L), entry("unknown", 1L));
	}

	@Test
	void sumsOnlyThePassengerCountsThatAreGiven() {
		assertThat(this.all.passengers()).isEqualTo(6);
	}

	@Test
	void keepsEarliestAndLatestPickupWhateverTheOrderOfArrival() {
		assertThat(this.all.firstPickup()).isEqualTo(LocalDateTime.parse("2020-07-01T07:30:00"));
		assertThat(this.all.lastPickup()).isEqualTo(LocalDateTime.parse("2020-07-01T09:15:00"));
	}

	@Test
	void emptyAggregateHasNoPickupTimesAndZeroTotals() {
		RideAggregate empty = new RideAggregate();
		assertThat(empty.firstPickup()).isNull();
		assertThat(empty.lastPickup()).isNull();
		assertThat(empty.totalAmount()).isZero();
		assertThat(empty.topPickupLocations(10)).isEmpty();
	}

	@Test
	void ranksLocationsByRidesThenByLowerLocationId() {
		assertThat(this.all.topPickupLocations(10)).containsExactly(Map.entry(10, 2L), Map.entry(20, 1L),
				Map.entry(30, 1L));
		assertThat(this.all.topDropoffLocations(10)).containsExactly(Map.entry(30, 2L), Map.entry(10, 1L),
				Map.entry(20, 1L));
	}

	@Test
	void listsOnlyTheRequestedNumberOfLocations() {
		assertThat(this.all.topDropoffLocations(2)).containsExactly(Map.entry(30, 2L), Map.entry(10, 1L));
	}

	@Test
	void mergeOfPartitionAggregatesEqualsAggregateOfAllRides() {
		RideAggregate partition0 = aggregateOf(FIRST, THIRD);
		RideAggregate partition1 = aggregateOf(SECOND, FOURTH);

		assertThat(partition0.merge(partition1)).isEqualTo(this.all);
		assertThat(partition1.merge(partition0)).isEqualTo(this.all);
	}

	@Test
	void mergeIsAssociative() {
		RideAggregate a = aggregateOf(FOURTH);
		RideAggregate b = aggregateOf(SECOND, FIRST);
		RideAggregate c = aggregateOf(THIRD);

		assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c))).isEqualTo(this.all);
	}

	@Test
	void mergeWithEmptyAggregateChangesNothing() {
		assertThat(this.all.merge(new RideAggregate())).isEqualTo(this.all);
		assertThat(new RideAggregate().merge(this.all)).isEqualTo(this.all);
	}

	@Test
	void mergeLeavesItsInputsUnchanged() {
		RideAggregate partition0 = aggregateOf(FIRST);
		RideAggregate partition1 = aggregateOf(SECOND);

		partition0.merge(partition1);

		assertThat(partition0).isEqualTo(aggregateOf(FIRST));
		assertThat(partition1).isEqualTo(aggregateOf(SECOND));
	}

	@Test
	void copyDoesNotChangeWithTheOriginal() {
		RideAggregate original = aggregateOf(FIRST);
		RideAggregate copy = original.copy();

		original.add(SECOND);
		original.addDeadLetter();

		assertThat(copy).isEqualTo(aggregateOf(FIRST));
		assertThat(copy.ridesByVendor()).containsOnly(entry("1", 1L));
	}

	@Test
	void mergesDeadLetterCounts() {
		RideAggregate partition0 = aggregateOf(FIRST);
		partition0.addDeadLetter();
		RideAggregate partition1 = new RideAggregate();
		partition1.addDeadLetter();
		partition1.addDeadLetter();

		assertThat(partition0.merge(partition1).deadLetters()).isEqualTo(3);
		assertThat(partition0.merge(partition1).rides()).isEqualTo(1);
	}

}
