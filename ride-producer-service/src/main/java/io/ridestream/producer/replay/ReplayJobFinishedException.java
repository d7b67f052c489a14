package io.ridestream.producer.replay;

/**
 * A finished replay job cannot be cancelled.
 */
class ReplayJobFinishedException extends RuntimeException {

	ReplayJobFinishedException(ReplayJob job) {
		super("Replay job " + job.id() + " has already finished (" + job.state() + ")");
	}

}
