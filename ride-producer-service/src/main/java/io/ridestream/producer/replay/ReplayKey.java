package io.ridestream.producer.replay;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

import io.ridestream.model.Ride;
import io.ridestream.read.RideColumn;

/**
 * The ride field whose value becomes the Kafka record key, and so decides the partition: rides with the same
 * key stay in order. A ride without a value there (a blank vendor, an FHV trip without a location) has no key.
 */
enum ReplayKey {

	PICKUP_LOCATION(RideColumn.PICKUP_LOCATION_ID, Ride::pickupLocationId),

	VENDOR(RideColumn.VENDOR_ID, Ride::vendorId),

	DROPOFF_LOCATION(RideColumn.DROPOFF_LOCATION_ID, Ride::dropoffLocationId);

	private final RideColumn column;

	private final Function<Ride, Integer> field;

	ReplayKey(RideColumn column, Function<Ride, Integer> field) {
		this.column = column;
		this.field = field;
	}

	/** The key by its CSV column name, in any case. */
	static ReplayKey named(String name) {
		return Arrays.stream(values())
			.filter((key) -> key.columnName().equalsIgnoreCase(name.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidReplayOptionException("key", "must be one of "
					+ Arrays.stream(values()).map(ReplayKey::columnName).collect(Collectors.joining(", "))
					+ ", was '" + name + "'"));
	}

	@JsonValue
	String columnName() {
		return this.column.wireName();
	}

	@Override
	public String toString() {
		return columnName();
	}

	/** The key of a ride, or null when the ride has no value there (Kafka then spreads such rides). */
	String of(Ride ride) {
		Integer value = this.field.apply(ride);
		return (value != null) ? value.toString() : null;
	}

}
