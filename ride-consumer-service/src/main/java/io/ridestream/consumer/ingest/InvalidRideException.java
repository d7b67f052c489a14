package io.ridestream.consumer.ingest;

/**
 * A message on the rides topic that deserialized, but is not a ride.
 */
class InvalidRideException extends RuntimeException {

	InvalidRideException(String message) {
		super(message);
	}

}
