package io.ridestream.consumer.stats;

import io.ridestream.consumer.zones.Zone;
import io.ridestream.consumer.zones.ZoneLookup;

/**
 * How many rides started or ended in one taxi zone.
 */
public record LocationCount(int locationId, long count, String borough, String zone) {

	/** The count with the zone's borough and name from the lookup. */
	static LocationCount of(int locationId, long count, ZoneLookup zones) {
		Zone zone = zones.zone(locationId);
		return new LocationCount(locationId, count, zone.borough(), zone.zone());
	}

}
