package io.ridestream.producer.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.ridestream.read.RideFiles;
import io.ridestream.read.RideReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A request body (CSV, gzip CSV or Parquet), spooled to a temporary file that is deleted once the replay is done with it.
 */
record SpooledUpload(Path file, long size) implements ReplaySource {

	private static final Log logger = LogFactory.getLog(SpooledUpload.class);

	@Override
	public String description() {
		return "upload (" + this.size + " bytes)";
	}

	@Override
	public RideReader reader() {
		return RideFiles.open(this.file);
	}

	@Override
	public void discard() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			logger.warn("Cannot delete spooled upload " + this.file + ": " + ex);
		}
	}

}
