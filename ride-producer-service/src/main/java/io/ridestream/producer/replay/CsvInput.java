package io.ridestream.producer.replay;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The CSV text of a replayed file, told from its first bytes rather than from what the client said it is: plain
 * CSV, or CSV compressed with gzip as the TLC's and the course's {@code .csv.gz} files are (decompressed as it is
 * read, never whole on disk or in memory). A Parquet file is named as such, not taken for a CSV with a bad header.
 */
final class CsvInput {

	private static final int BUFFER_SIZE = 64 * 1024;

	private static final byte[] GZIP_MAGIC = { 0x1f, (byte) 0x8b };

	private static final byte[] PARQUET_MAGIC = { 'P', 'A', 'R', '1' };

	private CsvInput() {
	}

	/**
	 * The CSV text of the file, decompressed if it is gzip.
	 * @throws UnsupportedFileException if it is a Parquet file
	 */
	static InputStream of(InputStream file, String description) throws IOException {
		BufferedInputStream in = new BufferedInputStream(file, BUFFER_SIZE);
		in.mark(PARQUET_MAGIC.length);
		byte[] start = in.readNBytes(PARQUET_MAGIC.length);
		in.reset();
		if (startsWith(start, GZIP_MAGIC)) {
			return new GZIPInputStream(in, BUFFER_SIZE);
		}
		if (startsWith(start, PARQUET_MAGIC)) {
			throw new UnsupportedFileException(description + " is a Parquet file; replay it as CSV or gzip CSV");
		}
		return in;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** A file in a format the replay does not read. */
	static final class UnsupportedFileException extends IOException {

		UnsupportedFileException(String message) {
			super(message);
		}

	}

}
