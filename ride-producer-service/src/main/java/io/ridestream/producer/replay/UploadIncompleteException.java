package io.ridestream.producer.replay;

import java.io.IOException;

/**
 * A CSV request body ended before it was complete: the client went away or the connection broke.
 */
class UploadIncompleteException extends RuntimeException {

	UploadIncompleteException(long received, IOException cause) {
		super("The CSV body was cut off after " + received + " bytes: "
				+ ((cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName()), cause);
	}

}
