package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

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
	public InputStream open() throws IOException {
		return Files.newInputStream(this.file, LinkOption.NOFOLLOW_LINKS);
	}

}
