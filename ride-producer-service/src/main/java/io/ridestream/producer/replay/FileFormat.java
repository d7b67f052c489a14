package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a ride file is, told from its first bytes rather than from its name or the content type it was sent as:
 * gzip starts with 1F 8B, Parquet with {@code PAR1}, and anything else is taken for CSV.
 */
enum FileFormat {

	CSV("csv"), GZIP_CSV("csv.gz"), PARQUET("parquet");

	/** How many first bytes tell the format. */
	static final int MAGIC_LENGTH = 4;

	private static final byte[] GZIP_MAGIC = { 0x1f, (byte) 0x8b };

	private static final byte[] PARQUET_MAGIC = { 'P', 'A', 'R', '1' };

	private final String wireName;

	FileFormat(String wireName) {
		this.wireName = wireName;
	}

	/** The name in {@code GET /rides/files}: {@code csv}, {@code csv.gz} or {@code parquet}. */
	@JsonValue
	String wireName() {
		return this.wireName;
	}

	/** The format of a file that starts with these bytes (up to {@link #MAGIC_LENGTH}, fewer if it is shorter). */
	static FileFormat of(byte[] start) {
		if (startsWith(start, GZIP_MAGIC)) {
			return GZIP_CSV;
		}
		if (startsWith(start, PARQUET_MAGIC)) {
			return PARQUET;
		}
		return CSV;
	}

	/** The format of the file, read from its first bytes. */
	static FileFormat of(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			return of(in.readNBytes(MAGIC_LENGTH));
		}
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

}
