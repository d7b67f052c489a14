package io.ridestream.producer.replay;

/**
 * As many uploads, or bytes of uploads, as allowed are being received already.
 */
class TooManyUploadsException extends RuntimeException {

	TooManyUploadsException(String message) {
		super(message);
	}

}
