package io.ridestream.producer.replay;

/**
 * No replay job has the id asked for: it never existed, or it finished long enough ago to be forgotten.
 */
class ReplayJobNotFoundException extends RuntimeException {

	ReplayJobNotFoundException(String id) {
		super("No replay job has id '" + id + "'");
	}

}
