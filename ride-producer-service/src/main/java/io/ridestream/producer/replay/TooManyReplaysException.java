package io.ridestream.producer.replay;

/**
 * As many replays as allowed are running already.
 */
class TooManyReplaysException extends RuntimeException {

	TooManyReplaysException(int maxConcurrentJobs) {
		super(maxConcurrentJobs + " replays are running, which is the most allowed at once"
				+ " (ridestream.replay.max-concurrent-jobs); retry when one has finished or cancel one");
	}

}
