package io.ridestream.read;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@link RideCsvReader}'s package-private split of lines without quotes, and the reader with or without it, for
 * {@code CsvSplitBenchmark} only (this class shares ride-readers' package, not its module).
 */
public final class RideCsvReaderVariants {

	private RideCsvReaderVariants() {
	}

	/**
	 * A reader on UTF-8 bytes, buffered as {@link RideFiles} buffers them (invalid bytes become U+FFFD, as
	 * {@link RideCsvReader#open(InputStream)} has them).
	 * @param splitQuoteFreeLines true for the reader as it ships, false to parse every line with opencsv
	 */
	public static RideCsvReader open(InputStream bytes, boolean splitQuoteFreeLines) {
		InputStreamReader text = new InputStreamReader(new BufferedInputStream(bytes, 64 * 1024), StandardCharsets.UTF_8);
		return RideCsvReader.open(text, splitQuoteFreeLines);
	}

	/** The reader's split of a line without quotes. */
	public static String[] splitQuoteFree(String line) {
		return RideCsvReader.splitQuoteFree(line);
	}

}
