package io.ridestream.localkafka;

/**
 * The broker could not be started or stopped. The message says why in one sentence a user can act on
 * (port in use, data directory not writable, invalid setting); the cause keeps Kafka's own exception.
 */
public class LocalKafkaException extends RuntimeException {

	public LocalKafkaException(String message) {
		super(message);
	}

	public LocalKafkaException(String message, Throwable cause) {
		super(message, cause);
	}

}
