package io.ridestream.producer.replay;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.util.unit.DataSize;

/**
 * The disk of the upload directory has no room for an upload.
 */
class InsufficientStorageException extends RuntimeException {

	private final Long needed;

	private final long free;

	private InsufficientStorageException(String message, Long needed, long free, Throwable cause) {
		super(message, cause);
		this.needed = needed;
		this.free = free;
	}

	/** The upload's declared length and the reserve are more than is free: its body is not read at all. */
	static InsufficientStorageException beforeSpooling(long declared, DataSize reserve, Path directory, long free) {
		String upload = (declared >= 0) ? "The upload declares " + declared + " bytes, and "
				: "The upload does not declare its length, and ";
		return new InsufficientStorageException(upload + reserve.toBytes() + " bytes are kept free"
				+ " (ridestream.replay.min-free-disk), but " + where(directory) + " has " + free + " bytes free",
				needed(declared, reserve), free, null);
	}

	/** The disk filled up while the upload was spooled. */
	static InsufficientStorageException whileSpooling(long spooled, long declared, DataSize reserve, Path directory,
			long free, IOException cause) {
		String declaredPart = (declared >= 0) ? " of the " + declared + " declared" : "";
		return new InsufficientStorageException("The disk of " + where(directory) + " filled up after " + spooled
				+ " bytes" + declaredPart + " of the upload were spooled ("
				+ ((cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName()) + ")"
				+ ((free >= 0) ? "; " + free + " bytes are free" : ""), needed(declared, reserve), free, cause);
	}

	/** The bytes the upload needs free, or null if its length is not known. */
	Long needed() {
		return this.needed;
	}

	/** The bytes free when the upload was refused, or -1 if that could not be told. */
	long free() {
		return this.free;
	}

	private static Long needed(long declared, DataSize reserve) {
		if (declared < 0) {
			return null;
		}
		long needed = declared + reserve.toBytes();
		return (needed < 0) ? Long.MAX_VALUE : needed;
	}

	private static String where(Path directory) {
		return directory + " (ridestream.replay.upload-dir)";
	}

}
