package io.ridestream.producer.replay;

import org.springframework.util.unit.DataSize;

/**
 * A CSV request body is larger than allowed.
 */
class UploadTooLargeException extends RuntimeException {

	private UploadTooLargeException(String message) {
		super(message + " (ridestream.replay.max-upload-size)");
	}

	/** The request declared a {@code Content-Length} over the limit: its body is not read at all. */
	static UploadTooLargeException declared(long contentLength, DataSize limit) {
		return new UploadTooLargeException(
				"The CSV body is " + contentLength + " bytes; at most " + limit.toBytes() + " bytes are allowed");
	}

	/** The body, of no declared length, went past the limit while it was read. */
	static UploadTooLargeException streamed(DataSize limit) {
		return new UploadTooLargeException("The CSV body is larger than the " + limit.toBytes() + " bytes allowed");
	}

}
