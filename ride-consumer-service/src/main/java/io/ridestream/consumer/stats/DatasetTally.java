package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.ridestream.consumer.counting.ZoneCounts;

/**
 * The rides of one TLC dataset (yellow, green, FHV) within an aggregate: how many, their revenue and where they were
 * picked up. Mergeable as the aggregate is, so the pickups of any set of datasets are the sum of their tallies.
 */
public final class DatasetTally {

	private long rides;

	private BigDecimal totalAmount = BigDecimal.ZERO;

	private final ZoneCounts pickupsByLocation = new ZoneCounts();

	/** Adds a ride picked up at this location (already one the zone table lists, or the one for others). */
	void add(BigDecimal totalAmount, int pickupLocation) {
		this.rides++;
		if (totalAmount != null) {
			this.totalAmount = this.totalAmount.add(totalAmount);
		}
		this.pickupsByLocation.add(pickupLocation, 1);
	}

	void mergeIn(DatasetTally other) {
		this.rides += other.rides;
		this.totalAmount = this.totalAmount.add(other.totalAmount);
		this.pickupsByLocation.addAll(other.pickupsByLocation);
	}

	public long rides() {
		return this.rides;
	}

	/** The sum of {@code total_amount}; FHV trips have none. */
	public BigDecimal totalAmount() {
		return this.totalAmount;
	}

	public Map<Integer, Long> pickupsByLocation() {
		return Collections.unmodifiableMap(this.pickupsByLocation.toMap());
	}

	State state() {
		return new State(this.rides, this.totalAmount, this.pickupsByLocation.toMap());
	}

	static DatasetTally of(State state) {
		DatasetTally tally = new DatasetTally();
		tally.rides = state.rides();
		tally.totalAmount = state.totalAmount();
		state.pickupsByLocation().forEach(tally.pickupsByLocation::add);
		return tally;
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof DatasetTally other && this.rides == other.rides
				&& this.totalAmount.equals(other.totalAmount) && this.pickupsByLocation.equals(other.pickupsByLocation);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.rides, this.totalAmount, this.pickupsByLocation);
	}

	/** The fields of a tally, as stored in the statistics changelog. */
	record State(long rides, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
			Map<Integer, Long> pickupsByLocation) {

		State {
			Objects.requireNonNull(totalAmount, "totalAmount");
			pickupsByLocation = Map.copyOf(pickupsByLocation);
		}

	}

}
