package io.ridestream.consumer.windows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

import io.ridestream.consumer.counting.ZoneCounts;
import io.ridestream.model.Ride;

/**
 * The running figures of one window of one partition (or of a merged view).
 */
final class WindowTally {

	private long rides;

	private BigDecimal revenue = BigDecimal.ZERO;

	private long passengers;

	private long lateRides;

	private final ZoneCounts pickups;

	private final ZoneCounts dropoffs;

	WindowTally() {
		this(new ZoneCounts(), new ZoneCounts());
	}

	private WindowTally(ZoneCounts pickups, ZoneCounts dropoffs) {
		this.pickups = pickups;
		this.dropoffs = dropoffs;
	}

	void add(Ride ride, int pickupLocation, int dropoffLocation) {
		this.rides++;
		if (ride.totalAmount() != null) { // FHV trips have no fares
			this.revenue = this.revenue.add(ride.totalAmount());
		}
		if (ride.passengerCount() != null) {
			this.passengers += ride.passengerCount();
		}
		this.pickups.add(pickupLocation, 1);
		this.dropoffs.add(dropoffLocation, 1);
	}

	void addLate() {
		this.lateRides++;
	}

	WindowTally mergeIn(WindowTally other) {
		this.rides += other.rides;
		this.revenue = this.revenue.add(other.revenue);
		this.passengers += other.passengers;
		this.lateRides += other.lateRides;
		this.pickups.addAll(other.pickups);
		this.dropoffs.addAll(other.dropoffs);
		return this;
	}

	WindowTally copy() {
		WindowTally copy = new WindowTally(this.pickups.copy(), this.dropoffs.copy());
		copy.rides = this.rides;
		copy.revenue = this.revenue;
		copy.passengers = this.passengers;
		copy.lateRides = this.lateRides;
		return copy;
	}

	WindowFigures figures(LocalDateTime start, WindowSpec spec, boolean closed) {
		return new WindowFigures(start, spec.endOf(start), this.rides, this.revenue, this.passengers,
				this.lateRides, closed, this.pickups.top(WindowFigures.TOP_ZONES),
				this.dropoffs.top(WindowFigures.TOP_ZONES), this.pickups.toMap(), this.dropoffs.toMap());
	}

	WindowedCounts.WindowState state(LocalDateTime start) {
		return new WindowedCounts.WindowState(start, this.rides, this.revenue, this.passengers, this.lateRides,
				this.pickups.toPairs(), this.dropoffs.toPairs());
	}

	static WindowTally of(WindowedCounts.WindowState state) {
		WindowTally tally = new WindowTally(ZoneCounts.ofPairs(state.pickups()), ZoneCounts.ofPairs(state.dropoffs()));
		tally.rides = state.rides();
		tally.revenue = state.revenue();
		tally.passengers = state.passengers();
		tally.lateRides = state.lateRides();
		return tally;
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		if (!(obj instanceof WindowTally other)) {
			return false;
		}
		return this.rides == other.rides && this.passengers == other.passengers
				&& this.lateRides == other.lateRides && this.revenue.equals(other.revenue)
				&& this.pickups.equals(other.pickups) && this.dropoffs.equals(other.dropoffs);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.rides, this.revenue, this.passengers, this.lateRides, this.pickups, this.dropoffs);
	}

}
