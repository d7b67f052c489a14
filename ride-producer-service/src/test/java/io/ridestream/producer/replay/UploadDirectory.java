package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's own upload directory, to see which uploads are spooled in it.
 */
final class UploadDirectory {

	private UploadDirectory() {
	}

	/** A new empty directory. */
	static Path create() {
		try {
			return Files.createTempDirectory("ridestream-uploads-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The uploads spooled in the directory now. */
	static List<Path> spooled(Path directory) {
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> uploads = Files.newDirectoryStream(directory,
				UploadSweeper.PREFIX + "*" + UploadSweeper.SUFFIX)) {
			uploads.forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

}
