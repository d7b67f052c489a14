package io.ridestream.producer.replay;

/**
 * No file can be replayed by name: no data directory is configured, or it is not there.
 */
class NoDataDirectoryException extends RuntimeException {

	NoDataDirectoryException(String message) {
		super(message);
	}

}
