package io.ridestream.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens the reader a TLC trip file needs, whatever its format ({@link RideFileFormat}) and dataset: CSV, gzip CSV
 * (decompressed as it is read, never whole on disk or in memory) or Parquet.
 */
public final class RideFiles {

	private static final int BUFFER_SIZE = 64 * 1024;

	private RideFiles() {
	}

	/**
	 * Opens a reader on a file and reads its header or schema.
	 * @throws RideFileException if the file cannot be read as trips at all
	 * @throws UncheckedIOException if the file cannot be opened
	 */
	public static RideReader open(Path file) {
		try {
			if (RideFileFormat.of(file) == RideFileFormat.PARQUET) {
				return RideParquetReader.open(file);
			}
			return open(Files.newInputStream(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open " + file.getFileName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Opens a reader on the bytes of a CSV or gzip CSV file, which it closes. A Parquet file must be read from a
	 * {@link #open(Path) file}: its schema is at its end.
	 * @throws RideFileException if the bytes are Parquet, or cannot be read as trips at all
	 */
	public static RideReader open(InputStream bytes) throws IOException {
		BufferedInputStream in = new BufferedInputStream(bytes, BUFFER_SIZE);
		try {
			in.mark(RideFileFormat.MAGIC_LENGTH);
			RideFileFormat format = RideFileFormat.of(in.readNBytes(RideFileFormat.MAGIC_LENGTH));
			in.reset();
			return switch (format) {
				case CSV -> RideCsvReader.open(in);
				case GZIP_CSV -> RideCsvReader.open(new GZIPInputStream(in, BUFFER_SIZE));
				case PARQUET -> throw new RideFileException("A Parquet file is read from a file, not a stream");
			};
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

}
