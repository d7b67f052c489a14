package io.ridestream.consumer.windows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.ridestream.consumer.counting.ZoneCount;

/**
 * What one window counted.
 *
 * @param start the window's first instant (inclusive)
 * @param end the window's end (exclusive)
 * @param rides the rides counted in the window
 * @param revenue the sum of their total amounts, exact
 * @param passengers the sum of their passenger counts (rides that give none add nothing)
 * @param lateRides rides for this window that arrived after it closed: not in the other figures
 * @param closed whether the window's figures are final: stream time has passed its end + grace
 * @param topPickupZones the busiest pickup zones, most rides first, ties broken by the lower zone id
 * @param topDropoffZones the busiest dropoff zones, likewise
 * @param pickupsByZone rides per pickup zone id
 * @param dropoffsByZone rides per dropoff zone id
 */
public record WindowFigures(LocalDateTime start, LocalDateTime end, long rides,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue, long passengers, long lateRides,
		boolean closed, List<ZoneCount> topPickupZones, List<ZoneCount> topDropoffZones,
		Map<Integer, Long> pickupsByZone, Map<Integer, Long> dropoffsByZone) {

	/** How many zones {@link #topPickupZones} and {@link #topDropoffZones} list at most. */
	public static final int TOP_ZONES = 5;

	public WindowFigures {
		topPickupZones = List.copyOf(topPickupZones);
		topDropoffZones = List.copyOf(topDropoffZones);
		pickupsByZone = Map.copyOf(pickupsByZone);
		dropoffsByZone = Map.copyOf(dropoffsByZone);
	}

}
