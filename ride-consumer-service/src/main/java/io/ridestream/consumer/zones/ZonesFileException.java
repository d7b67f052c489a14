package io.ridestream.consumer.zones;

/**
 * The taxi zone lookup table is missing or cannot be read, so the service cannot name locations.
 */
class ZonesFileException extends RuntimeException {

	private final String location;

	ZonesFileException(String location, String problem, Throwable cause) {
		super("Cannot load the taxi zone lookup from " + location + ": " + problem, cause);
		this.location = location;
	}

	String location() {
		return this.location;
	}

}
