package io.ridestream.consumer.windows;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event-time windows the rides are counted in, by pickup time.
 *
 * @param tumbling windows one after the other
 * @param hopping overlapping windows, one starting every {@code advance}
 * @param retention how long after its end, in event time, a window is kept (and served); older ones are evicted
 * @param outliers which pickup times are kept out of the windows
 */
@ConfigurationProperties("ridestream.windows")
public record WindowsProperties(@DefaultValue Tumbling tumbling, @DefaultValue Hopping hopping,
		@DefaultValue("24h") Duration retention, @DefaultValue Outliers outliers) {

	/** Which pickup times move stream time; checked when the application starts. */
	public PickupBounds pickupBounds() {
		return new PickupBounds(this.outliers.earliestPickup(), this.outliers.maxAhead(),
				this.outliers.jumpAfterRides(), Clock.systemUTC());
	}

	/** The specs of the windows, tumbling first; checked when the application starts. */
	public List<WindowSpec> specs() {
		return List.of(WindowSpec.tumbling(this.tumbling.size(), this.tumbling.grace(), this.retention),
				WindowSpec.hopping(this.hopping.size(), this.hopping.advance(), this.hopping.grace(), this.retention));
	}

	/**
	 * @param size how long each window is
	 * @param grace how long after a window's end (in event time) its late rides are still counted in it
	 */
	public record Tumbling(@DefaultValue("10m") Duration size, @DefaultValue("1h") Duration grace) {
	}

	/**
	 * @param size how long each window is
	 * @param advance how far apart windows start; the size must be a whole multiple of it
	 * @param grace how long after a window's end (in event time) its late rides are still counted in it
	 */
	public record Hopping(@DefaultValue("10m") Duration size, @DefaultValue("5m") Duration advance,
			@DefaultValue("1h") Duration grace) {
	}

	/**
	 * Rides picked up at such times are counted in the totals but in no window (see {@link PickupBounds}).
	 *
	 * @param earliestPickup pickups before this are implausible
	 * @param maxAhead pickups further than this after the partition's stream time, or after the wall clock, are
	 * outliers
	 * @param jumpAfterRides how many rides in a row far ahead, agreeing with each other, move stream time with
	 * them (a replay of a later month)
	 */
	public record Outliers(@DefaultValue("2009-01-01T00:00:00") LocalDateTime earliestPickup,
			@DefaultValue("1d") Duration maxAhead, @DefaultValue("500") int jumpAfterRides) {
	}

}
