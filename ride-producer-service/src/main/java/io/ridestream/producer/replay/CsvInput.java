package io.ridestream.producer.replay;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The CSV text of a replayed file, told from its first bytes rather than from what the client said it is: plain
 * CSV, or CSV compressed with gzip as the TLC's and the course's {@code .csv.gz} files are (decompressed as it is
 * read, never whole on disk or in memory). A Parquet file is named as such, not taken for a CSV with a bad header
 * ({@link FileFormat}).
 */
final class CsvInput {

	private static final int BUFFER_SIZE = 64 * 1024;

	private CsvInput() {
	}

	/**
	 * The CSV text of the file, decompressed if it is gzip.
	 * @throws UnsupportedFileException if it is a Parquet file
	 */
	static InputStream of(InputStream file, String description) throws IOException {
		BufferedInputStream in = new BufferedInputStream(file, BUFFER_SIZE);
		in.mark(FileFormat.MAGIC_LENGTH);
		FileFormat format = FileFormat.of(in.readNBytes(FileFormat.MAGIC_LENGTH));
		in.reset();
		return switch (format) {
			case GZIP_CSV -> new GZIPInputStream(in, BUFFER_SIZE);
			case PARQUET -> throw new UnsupportedFileException(
					description + " is a Parquet file; replay it as CSV or gzip CSV");
			case CSV -> in;
		};
	}

	/** A file in a format the replay does not read. */
	static final class UnsupportedFileException extends IOException {

		UnsupportedFileException(String message) {
			super(message);
		}

	}

}
