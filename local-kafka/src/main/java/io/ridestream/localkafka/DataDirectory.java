package io.ridestream.localkafka;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure the broker's data directory exists and is writable before Kafka touches it, so the user gets one clear
 * sentence instead of Kafka's stack trace.
 */
final class DataDirectory {

	private DataDirectory() {
	}

	static Path prepare(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		try {
			Files.createDirectories(dir);
		}
		catch (FileAlreadyExistsException ex) {
			throw new LocalKafkaException("Kafka data directory " + dir + " exists but is not a directory");
		}
		catch (IOException | SecurityException ex) {
			throw new LocalKafkaException("Cannot create Kafka data directory " + dir + ": " + describe(ex), ex);
		}
		if (!Files.isWritable(dir)) {
			throw new LocalKafkaException("Kafka data directory " + dir + " is not writable");
		}
		return dir;
	}

	private static String describe(Exception ex) {
		String reason = ex.getClass().getSimpleName().replace("Exception", "");
		return (ex.getMessage() != null) ? reason + " (" + ex.getMessage() + ")" : reason;
	}

}
