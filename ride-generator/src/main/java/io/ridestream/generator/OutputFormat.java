package io.ridestream.generator;

import java.util.Locale;

/** How the rides are written: the TLC's Parquet files, or CSV, plain or gzip-compressed as the course's backups. */
public enum OutputFormat {

	CSV("csv"), CSV_GZIP("csv.gz"), PARQUET("parquet");

	private final String wireName;

	OutputFormat(String wireName) {
		this.wireName = wireName;
	}

	/** The name used in options, which is also the file name's extension: {@code csv}, {@code csv.gz}, {@code parquet}. */
	public String wireName() {
		return this.wireName;
	}

	/** The format a file name asks for: {@code .parquet}, {@code .gz}, and CSV for any other name. */
	public static OutputFormat ofFileName(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".parquet")) {
			return PARQUET;
		}
		return name.endsWith(".gz") ? CSV_GZIP : CSV;
	}

	/**
	 * @throws IllegalArgumentException naming the formats there are
	 */
	public static OutputFormat fromWireName(String name) {
		for (OutputFormat format : values()) {
			if (format.wireName.equalsIgnoreCase(name)) {
				return format;
			}
		}
		throw new IllegalArgumentException("format must be csv, csv.gz or parquet, was '" + name + "'");
	}

}
