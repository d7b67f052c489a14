package io.ridestream.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The formats the TLC and the course publish trips in, told from a file's first bytes rather than from its name or
 * a content type: gzip starts with {@code 1F 8B}, Parquet with {@code PAR1}, anything else is taken for CSV text.
 */
public enum RideFileFormat {

	CSV("csv"), GZIP_CSV("csv.gz"), PARQUET("parquet");

	/** How many first bytes {@link #of(byte[])} needs. */
	public static final int MAGIC_LENGTH = 4;

	private final String label;

	RideFileFormat(String label) {
		this.label = label;
	}

	/** {@code csv}, {@code csv.gz} or {@code parquet}, the usual file name extension. */
	public String label() {
		return this.label;
	}

	/** The format of a file starting with these bytes (fewer than {@link #MAGIC_LENGTH} if it is that short). */
	public static RideFileFormat of(byte[] start) {
		if (start.length >= 2 && start[0] == 0x1f && start[1] == (byte) 0x8b) {
			return GZIP_CSV;
		}
		if (start.length >= 4 && start[0] == 'P' && start[1] == 'A' && start[2] == 'R' && start[3] == '1') {
			return PARQUET;
		}
		return CSV;
	}

	/** The format of a file, from its first bytes. */
	public static RideFileFormat of(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return of(in.readNBytes(MAGIC_LENGTH));
		}
	}

}
