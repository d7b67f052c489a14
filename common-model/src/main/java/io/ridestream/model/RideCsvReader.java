package io.ridestream.model;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * Reads rides from a TLC trip CSV, one line at a time, so a file of any size streams through in constant memory.
 *
 * <p>Columns are found by their header names (any order, any case; extra columns such as {@code airport_fee}
 * are ignored). A row that is not a valid ride comes back as {@link CsvRow.Rejected} with its line number and
 * the reason, and reading goes on with the next line. Blank lines are skipped. Only a file that has no usable
 * header fails as a whole, with {@link CsvHeaderException}.
 *
 * <p>Fields are split by opencsv's RFC 4180 parser. A row is one line: TLC files have no line breaks inside
 * fields, and treating each line on its own means one stray quote costs one row, not the rest of the file.
 * Lines end with {@code \n}, {@code \r\n} or a lone {@code \r}; a line longer than 65,536
 * characters is rejected without being held in memory.
 */
public final class RideCsvReader implements Closeable {

	/** Far longer than any real row (about 120 characters), short enough to bound the memory of one row. */
	static final int MAX_LINE_LENGTH = 64 * 1024;

	/**
	 * No valid amount needs more characters than this, and turning a string of digits into a number takes time
	 * quadratic in its length: a line of 60,000 digits would cost a tenth of a second.
	 */
	static final int MAX_NUMBER_LENGTH = 40;

	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.appendPattern("uuuu-MM-dd")
		.optionalStart().appendLiteral(' ').optionalEnd()
		.optionalStart().appendLiteral('T').optionalEnd()
		.appendPattern("HH:mm:ss")
		.optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
		.toFormatter(Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	private final BoundedLineReader lines;

	private final RFC4180Parser parser;

	private final int headerWidth;

	private final Map<RideColumn, Integer> positions;

	private RideCsvReader(BoundedLineReader lines, RFC4180Parser parser, int headerWidth,
			Map<RideColumn, Integer> positions) {
		this.lines = lines;
		this.parser = parser;
		this.headerWidth = headerWidth;
		this.positions = positions;
	}

	/**
	 * Opens a reader on CSV text and reads its header.
	 * @throws CsvHeaderException if the text is empty or its header lacks a required column
	 */
	public static RideCsvReader open(Reader text) {
		BoundedLineReader lines = new BoundedLineReader(text, MAX_LINE_LENGTH);
		RFC4180Parser parser = new RFC4180ParserBuilder().build();
		String[] header = readHeader(lines, parser);
		return new RideCsvReader(lines, parser, header.length, positionsOf(header));
	}

	/**
	 * Opens a reader on the bytes of a UTF-8 CSV and reads its header. Bytes that are not valid UTF-8 become
	 * U+FFFD, the replacement character, so a row holding them is rejected with a reason instead of failing the
	 * whole file; in the header they fail it as a missing column would.
	 * @throws CsvHeaderException if the text is empty or its header lacks a required column
	 */
	public static RideCsvReader open(InputStream bytes) {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		return open(new InputStreamReader(bytes, utf8));
	}

	/** The next row, or {@code null} at the end of the text. */
	public CsvRow next() {
		while (true) {
			String text = readLine(this.lines);
			if (text == null) {
				return null;
			}
			long line = this.lines.lineNumber();
			if (text == BoundedLineReader.TOO_LONG) {
				return new CsvRow.Rejected(line, "line longer than " + MAX_LINE_LENGTH + " characters");
			}
			if (text.isBlank()) {
				continue;
			}
			if (hasUnterminatedQuote(text)) {
				return new CsvRow.Rejected(line, "malformed CSV: unterminated quoted field");
			}
			try {
				// Most rows have no quotes at all: split them without the general parser (same fields).
				return parse(line, (text.indexOf('"') < 0) ? text.split(",", -1) : this.parser.parseLine(text));
			}
			catch (IOException ex) {
				return new CsvRow.Rejected(line, "malformed CSV: " + ex.getMessage());
			}
		}
	}
	private CsvRow parse(long line, String[] fields) {
		if (fields.length != this.headerWidth) {
			return new CsvRow.Rejected(line,
					"expected " + this.headerWidth + " fields as in the header, found " + fields.length);
		}
		try {
			return new CsvRow.Parsed(line, new Ride(
					integer(fields, RideColumn.VENDOR_ID),
					timestamp(fields, RideColumn.PICKUP_DATETIME),
					timestamp(fields, RideColumn.DROPOFF_DATETIME),
					integer(fields, RideColumn.PASSENGER_COUNT),
					decimal(fields, RideColumn.TRIP_DISTANCE),
					integer(fields, RideColumn.RATECODE_ID),
					text(fields, RideColumn.STORE_AND_FWD_FLAG),
					integer(fields, RideColumn.PICKUP_LOCATION_ID),
					integer(fields, RideColumn.DROPOFF_LOCATION_ID),
					integer(fields, RideColumn.PAYMENT_TYPE),
					decimal(fields, RideColumn.FARE_AMOUNT),
					decimal(fields, RideColumn.EXTRA),
					decimal(fields, RideColumn.MTA_TAX),
					decimal(fields, RideColumn.TIP_AMOUNT),
					decimal(fields, RideColumn.TOLLS_AMOUNT),
					decimal(fields, RideColumn.IMPROVEMENT_SURCHARGE),
					decimal(fields, RideColumn.TOTAL_AMOUNT),
					decimal(fields, RideColumn.CONGESTION_SURCHARGE)));
		}
		catch (IllegalArgumentException ex) {
			return new CsvRow.Rejected(line, ex.getMessage());
		}
	}

	/** The trimmed value of a column, or null when it is empty or absent; a required column must have one. */
	private String text(String[] fields, RideColumn column) {
		Integer position = this.positions.get(column);
		String value = (position != null) ? fields[position].strip() : "";
		if (value.isEmpty()) {
			if (column.required()) {
				throw new IllegalArgumentException(column.header() + ": missing required value");
			}
			return null;
		}
		return value;
	}

	private String number(String[] fields, RideColumn column) {
		String value = text(fields, column);
		if (value != null && value.length() > MAX_NUMBER_LENGTH) {
			throw new IllegalArgumentException(column.header() + ": '" + Values.abbreviate(value)
					+ "' is longer than a number may be (" + MAX_NUMBER_LENGTH + " characters)");
		}
		return value;
	}

	private Integer integer(String[] fields, RideColumn column) {
		String value = number(fields, column);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			// Files converted from Parquet write integer columns as floats: accept "1.0", not "1.5".
			try {
				return new BigDecimal(value).intValueExact();
			}
			catch (NumberFormatException | ArithmeticException notInteger) {
				throw new IllegalArgumentException(column.header() + ": '" + Values.abbreviate(value) + "' is not an integer");
			}
		}
	}

	private BigDecimal decimal(String[] fields, RideColumn column) {
		String value = number(fields, column);
		if (value == null) {
			return null;
		}
		try {
			return Decimals.parse(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(column.header() + ": '" + Values.abbreviate(value) + "' is not a decimal number");
		}
	}

	private LocalDateTime timestamp(String[] fields, RideColumn column) {
		String value = text(fields, column);
		try {
			if (value.length() < 19 || (value.charAt(10) != ' ' && value.charAt(10) != 'T')) {
				throw new DateTimeParseException("no date and time", value, 0);
			}
			LocalDateTime plain = PlainTimestamps.parse(value);
			return (plain != null) ? plain : LocalDateTime.parse(value, TIMESTAMP);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(column.header() + ": '" + Values.abbreviate(value)
					+ "' is not a date-time like 2020-07-01 00:25:32");
		}
	}

	@Override
	public void close() {
		try {
			this.lines.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String[] readHeader(BoundedLineReader lines, RFC4180Parser parser) {
		String text;
		do {
			text = readLine(lines);
		}
		while (text != null && text.isBlank());
		if (text == null) {
			throw new CsvHeaderException("The CSV is empty: expected a header line with the TLC column names");
		}
		if (text == BoundedLineReader.TOO_LONG) {
			throw new CsvHeaderException("The CSV header (line " + lines.lineNumber() + ") is longer than "
					+ MAX_LINE_LENGTH + " characters");
		}
		try {
			return parser.parseLine(text);
		}
		catch (IOException ex) {
			throw new CsvHeaderException("The CSV header (line " + lines.lineNumber() + ") cannot be read: "
					+ ex.getMessage());
		}
	}

	private static String readLine(BoundedLineReader lines) {
		try {
			return lines.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Reading CSV failed after line " + lines.lineNumber() + ": " + ex.getMessage(), ex);
		}
	}

	private static Map<RideColumn, Integer> positionsOf(String[] header) {
		Map<RideColumn, Integer> positions = new EnumMap<>(RideColumn.class);
		List<String> missing = new ArrayList<>();
		for (RideColumn column : RideColumn.values()) {
			for (int i = 0; i < header.length; i++) {
				String name = header[i].replace("\uFEFF", "").strip();
				if (name.equalsIgnoreCase(column.header())) {
					if (positions.putIfAbsent(column, i) != null) {
						throw new CsvHeaderException("The CSV header names column " + column.header() + " twice");
					}
				}
			}
			if (column.required() && !positions.containsKey(column)) {
				missing.add(column.header());
			}
		}
		if (!missing.isEmpty()) {
			throw new CsvHeaderException("The CSV header lacks required columns " + missing + "; found "
					+ Values.abbreviate(Arrays.toString(header)));
		}
		return positions;
	}

	/** RFC 4180 escapes a quote inside a quoted field by doubling it, so a complete line has an even count. */
	private static boolean hasUnterminatedQuote(String text) {
		int quotes = 0;
		for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
			quotes++;
		}
		return quotes % 2 != 0;
	}

}
