package io.ridestream.producer.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.unit.DataSize;

/**
 * The free space of the upload directory's disk: an upload is refused unless its declared length leaves the
 * reserve free, and a disk that fills up while an upload is spooled is told from other write failures.
 */
final class UploadDiskSpace {

	/** How the operating systems say a disk is full, or the user's quota used up. */
	private static final List<String> FULL = List.of("No space left on device", "Disk quota exceeded",
			"not enough space on the disk");

	// A write that failed with less than this free may be taken to have failed for want of space, whatever it said.
	private static final long ALMOST_NOTHING = 64 * 1024;

	private static final Log logger = LogFactory.getLog(UploadDiskSpace.class);

	private final Path directory;

	private final DataSize reserve;

	UploadDiskSpace(Path directory, DataSize reserve) {
		this.directory = directory;
		this.reserve = reserve;
	}

	/**
	 * Checks that the disk has room for an upload of this declared length (negative when not declared) and the
	 * reserve.
	 * @throws InsufficientStorageException if it has not
	 */
	void requireRoomFor(long declared) {
		long free = free();
		if (free < 0) {
			return;
		}
		long needed = Math.max(declared, 0) + this.reserve.toBytes();
		if (needed < 0 || needed > free) {
			throw InsufficientStorageException.beforeSpooling(declared, this.reserve, this.directory, free);
		}
	}

	/**
	 * Tells a write that failed because the disk is full from other failures.
	 * @param spooled the bytes written before the failure
	 * @param declared the upload's declared length, negative if not declared
	 * @throws InsufficientStorageException if the disk is full
	 */
	void failIfFull(IOException failure, long spooled, long declared) {
		long free = free();
		String message = (failure.getMessage() != null) ? failure.getMessage() : "";
		if (FULL.stream().anyMatch(message::contains) || (free >= 0 && free < ALMOST_NOTHING)) {
			throw InsufficientStorageException.whileSpooling(spooled, declared, this.reserve, this.directory, free,
					failure);
		}
	}

	/** The bytes this process may still write to the disk, or -1 if that cannot be told. */
	private long free() {
		try {
			return Files.getFileStore(this.directory).getUsableSpace();
		}
		catch (IOException ex) {
			logger.debug("Cannot tell the free space of " + this.directory + ": " + ex);
			return -1;
		}
	}

}
