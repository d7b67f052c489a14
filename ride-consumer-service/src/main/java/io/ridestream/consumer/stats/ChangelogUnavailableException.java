package io.ridestream.consumer.stats;

/**
 * The statistics changelog could not be read to its end in time, so a partition's statistics cannot be restored
 * yet.
 */
public class ChangelogUnavailableException extends RuntimeException {

	ChangelogUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
