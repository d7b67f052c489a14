package io.ridestream.producer.replay;

import java.nio.file.Path;

/**
 * Tells which TLC dataset a file of the data directory holds, for {@code GET /rides/files}.
 */
final class DatasetProbe {

	private DatasetProbe() {
	}

	/**
	 * The dataset the file holds ({@code yellow}, {@code green}, {@code fhv}), or null when it cannot be told.
	 * Unknown for now: the common-model readers are to tell it from the file's columns (issue 12).
	 */
	static String datasetOf(Path file, FileFormat format) {
		return null;
	}

}
