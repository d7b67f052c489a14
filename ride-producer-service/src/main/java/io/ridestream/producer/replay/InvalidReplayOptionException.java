package io.ridestream.producer.replay;

/**
 * A query parameter of a replay request has a value that makes no sense.
 */
class InvalidReplayOptionException extends RuntimeException {

	private final String parameter;

	InvalidReplayOptionException(String parameter, String problem) {
		super(parameter + " " + problem);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
