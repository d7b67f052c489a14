package io.ridestream.producer.replay;

import java.io.IOException;
import io.ridestream.read.RideReader;

/**
 * The file a replay reads: CSV, gzip CSV or Parquet, of any TLC dataset.
 */
interface ReplaySource {

	/** What the source is, for people: shown as a job's {@code source}. */
	String description();

	/**
	 * Opens a reader on the file, which the caller closes.
	 * @throws io.ridestream.read.RideFileException if the file cannot be read as trips at all
	 */
	RideReader reader() throws IOException;

	/** Releases what the source holds once the replay no longer needs it. */
	default void discard() {
	}

}
