package io.ridestream.producer.replay;

/**
 * No file the data directory lists has the name asked for. Whether something else of that name is there (a
 * directory, a hidden file, a link leading out of the directory) is not said.
 */
class ReplayFileNotFoundException extends RuntimeException {

	ReplayFileNotFoundException(String name) {
		super("No file named '" + name + "' can be replayed from the data directory; GET /rides/files lists those"
				+ " that can");
	}

}
