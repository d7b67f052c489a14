package io.ridestream.producer.replay;

/**
 * A transaction's commit was sent to Kafka but not confirmed within {@code commit-timeout}: its rides may or may
 * not be published.
 */
class CommitOutcomeUnknownException extends RuntimeException {

	CommitOutcomeUnknownException(RuntimeException cause) {
		super(cause);
	}

}
