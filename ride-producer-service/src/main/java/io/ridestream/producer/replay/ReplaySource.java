package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.InputStream;

/**
 * The CSV a replay reads.
 */
interface ReplaySource {

	/** What the source is, for people: shown as a job's {@code source}. */
	String description();

	InputStream open() throws IOException;

	/** Releases what the source holds once the replay no longer needs it. */
	default void discard() {
	}

}
