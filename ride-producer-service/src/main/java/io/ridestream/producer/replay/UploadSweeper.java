package io.ridestream.producer.replay;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Deletes the uploads a run of the service that died left spooled. Only files last written well before this run
 * started: another instance sharing the directory may be receiving an upload right now.
 */
final class UploadSweeper {

	static final String PREFIX = "ridestream-upload-";

	static final String SUFFIX = ".csv";

	private static final Duration QUIET = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(UploadSweeper.class);

	private UploadSweeper() {
	}

	static void sweep(Path directory) {
		Instant cutoff = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).minus(QUIET);
		int deleted = 0;
		try (DirectoryStream<Path> uploads = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
			for (Path upload : uploads) {
				if (Files.getLastModifiedTime(upload).compareTo(FileTime.from(cutoff)) < 0
						&& Files.deleteIfExists(upload)) {
					deleted++;
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot sweep leftover uploads from " + directory + ": " + ex);
		}
		if (deleted > 0) {
			logger.info("Deleted " + deleted + " leftover uploads from " + directory);
		}
	}

}
