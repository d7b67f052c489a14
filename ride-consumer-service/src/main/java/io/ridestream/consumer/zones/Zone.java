package io.ridestream.consumer.zones;

/**
 * A TLC taxi zone, as listed in the TLC's taxi zone lookup table.
 */
public record Zone(int locationId, String borough, String zone, String serviceZone) {

	static final String UNKNOWN = "Unknown";

	/** Stands for all the location ids that the lookup table does not list ({@link ZoneLookup#OTHER_LOCATION}). */
	static Zone notListed() {
		return new Zone(ZoneLookup.OTHER_LOCATION, UNKNOWN, "Not in the taxi zone table", UNKNOWN);
	}

	/** Stands for a location id that the lookup table does not list. */
	static Zone unknown(int locationId) {
		return new Zone(locationId, UNKNOWN, UNKNOWN, UNKNOWN);
	}

}
