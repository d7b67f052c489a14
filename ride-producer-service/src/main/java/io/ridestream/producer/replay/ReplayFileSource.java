package io.ridestream.producer.replay;

import java.nio.file.Path;

import io.ridestream.read.RideFiles;
import io.ridestream.read.RideReader;

/**
 * A file of the data directory, replayed where it is: nothing is copied, and nothing deleted when the replay ends.
 *
 * @param name its name in the data directory
 * @param file where it really is, links resolved (inside the data directory)
 */
record ReplayFileSource(String name, Path file) implements ReplaySource {

	@Override
	public String description() {
		return "file " + this.name;
	}

	@Override
	public RideReader reader() {
		return RideFiles.open(this.file);
	}

}
