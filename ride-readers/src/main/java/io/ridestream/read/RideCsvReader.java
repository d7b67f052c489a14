package io.ridestream.read;

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

import io.ridestream.model.Dataset;
import io.ridestream.model.Decimals;
import io.ridestream.model.PlainTimestamps;
import io.ridestream.model.Values;

/**
 * Reads rides from a TLC trip CSV, one line at a time, so a file of any size streams through in constant memory.
 *
 * <p>The header tells the dataset (yellow, green or FHV, see {@link RideColumn#datasetOf}), and columns are found
 * by their header names (any order, any case; columns the ride does not carry are ignored). A row that is not a
 * valid ride comes back as {@link RideRow.Rejected} with its line number and the reason, and reading goes on with
 * the next line. Blank lines are skipped. Only a file that has no usable header fails as a whole, with
 * {@link RideFileException}.
 *
 * <p>Fields are split by opencsv's RFC 4180 parser, except on a line without quotes, which is split on its commas
 * directly: the same fields (compared with the parser's on a corpus in {@code CsvSplitCorpusTest}), and the whole
 * reader reads 15 to 18 % more rows a second when the machine is quiet ({@code CsvSplitBenchmark} in the
 * benchmarks module). A row is one line: TLC files have no line breaks inside fields, and treating each line on
 * its own means one stray quote costs one row, not the rest of the file. Lines end with {@code \n}, {@code \r\n}
 * or a lone {@code \r}; a line longer than 65,536 characters is rejected without being held in memory.
 */
public final class RideCsvReader implements RideReader {

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

	/** Whether lines without quotes are split by {@link #splitQuoteFree}; false only to measure the parser alone. */
	private final boolean splitQuoteFreeLines;

	private final int headerWidth;

	private final Dataset dataset;

	private final Map<RideColumn, Integer> positions;

	private RideCsvReader(BoundedLineReader lines, RFC4180Parser parser, boolean splitQuoteFreeLines, String[] header) {
		this.lines = lines;
		this.parser = parser;
		this.splitQuoteFreeLines = splitQuoteFreeLines;
		this.headerWidth = header.length;
		this.dataset = datasetOf(header);
		this.positions = positionsOf(header, this.dataset);
	}

	/**
	 * Opens a reader on CSV text and reads its header.
	 * @throws RideFileException if the text is empty or its header names no dataset or lacks a required column
	 */
	public static RideCsvReader open(Reader text) {
		return open(text, true);
	}

	/**
	 * Opens a reader that splits lines without quotes by {@link #splitQuoteFree} as {@link #open(Reader)} does, or,
	 * for {@code CsvSplitBenchmark} and {@code CsvSplitCorpusTest}, parses every line with opencsv's parser.
	 */
	static RideCsvReader open(Reader text, boolean splitQuoteFreeLines) {
		BoundedLineReader lines = new BoundedLineReader(text, MAX_LINE_LENGTH);
		RFC4180Parser parser = new RFC4180ParserBuilder().build();
		return new RideCsvReader(lines, parser, splitQuoteFreeLines, readHeader(lines, parser));
	}

	/**
	 * Opens a reader on the bytes of a UTF-8 CSV and reads its header. Bytes that are not valid UTF-8 become
	 * U+FFFD, the replacement character, so a row holding them is rejected with a reason instead of failing the
	 * whole file; in the header they fail it as a missing column would.
	 * @throws RideFileException if the text is empty or its header names no dataset or lacks a required column
	 */
	public static RideCsvReader open(InputStream bytes) {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		return open(new InputStreamReader(bytes, utf8));
	}

	@Override
	public Dataset dataset() {
		return this.dataset;
	}

	@Override
	public String positionName() {
		return "line";
	}

	@Override
	public RideRow next() {
		while (true) {
			String text = readLine(this.lines);
			if (text == null) {
				return null;
			}
			long line = this.lines.lineNumber();
			if (text == BoundedLineReader.TOO_LONG) {
				return new RideRow.Rejected(line, "line longer than " + MAX_LINE_LENGTH + " characters");
			}
			if (text.isBlank()) {
				continue;
			}
			if (hasUnterminatedQuote(text)) {
				return new RideRow.Rejected(line, "malformed CSV: unterminated quoted field");
			}
			try {
				// Most rows have no quotes at all: split them without the general parser (same fields).
				return parse(line, (this.splitQuoteFreeLines && text.indexOf('"') < 0) ? splitQuoteFree(text)
						: this.parser.parseLine(text));
			}
			catch (IOException ex) {
				return new RideRow.Rejected(line, "malformed CSV: " + ex.getMessage());
			}
		}
	}

	/**
	 * The fields of a line without quotes, as opencsv's {@code RFC4180Parser} gives them, faster: for such a line
	 * the parser also just splits on commas, but char by char (commons-lang's {@code splitPreserveAllTokens});
	 * {@code String.split} of one plain character scans with {@code indexOf}.
	 */
	static String[] splitQuoteFree(String line) {
		return line.split(",", -1);
	}

	private RideRow parse(long line, String[] fields) {
		if (fields.length != this.headerWidth) {
			return new RideRow.Rejected(line,
					"expected " + this.headerWidth + " fields as in the header, found " + fields.length);
		}
		try {
			return new RideRow.Parsed(line, RideRowMapping.ride(this.dataset, new Fields(fields)));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return new RideRow.Rejected(line, ex.getMessage());
		}
	}

	/** One row's fields, read as the values of the columns the header names. */
	private final class Fields implements RowValues {

		private final String[] fields;

		Fields(String[] fields) {
			this.fields = fields;
		}

		/** The trimmed value of a column, or null when it is empty or absent. */
		@Override
		public String text(RideColumn column) {
			Integer position = RideCsvReader.this.positions.get(column);
			String value = (position != null) ? this.fields[position].strip() : "";
			return value.isEmpty() ? null : value;
		}

		private String number(RideColumn column) {
			String value = text(column);
			if (value != null && value.length() > MAX_NUMBER_LENGTH) {
				throw new IllegalArgumentException(header(column) + ": '" + Values.abbreviate(value)
						+ "' is longer than a number may be (" + MAX_NUMBER_LENGTH + " characters)");
			}
			return value;
		}

		@Override
		public Integer integer(RideColumn column) {
			String value = number(column);
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
					throw new IllegalArgumentException(header(column) + ": '" + Values.abbreviate(value) + "' is not an integer");
				}
			}
		}

		@Override
		public BigDecimal decimal(RideColumn column) {
			String value = number(column);
			if (value == null) {
				return null;
			}
			try {
				return Decimals.withoutFloatingPointNoise(Decimals.parse(value));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(header(column) + ": '" + Values.abbreviate(value) + "' is not a decimal number");
			}
		}

		@Override
		public LocalDateTime timestamp(RideColumn column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				if (value.length() < 19 || (value.charAt(10) != ' ' && value.charAt(10) != 'T')) {
					throw new DateTimeParseException("no date and time", value, 0);
				}
				LocalDateTime plain = PlainTimestamps.parse(value);
				return (plain != null) ? plain : LocalDateTime.parse(value, TIMESTAMP);
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException(header(column) + ": '" + Values.abbreviate(value)
						+ "' is not a date-time like 2020-07-01 00:25:32");
			}
		}

		private String header(RideColumn column) {
			return column.header(RideCsvReader.this.dataset);
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
			throw new RideFileException("The CSV is empty: expected a header line with the TLC column names");
		}
		if (text == BoundedLineReader.TOO_LONG) {
			throw new RideFileException("The CSV header (line " + lines.lineNumber() + ") is longer than "
					+ MAX_LINE_LENGTH + " characters");
		}
		try {
			return parser.parseLine(text);
		}
		catch (IOException ex) {
			throw new RideFileException("The CSV header (line " + lines.lineNumber() + ") cannot be read: "
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

	private static Dataset datasetOf(String[] header) {
		Dataset dataset = RideColumn.datasetOf(Arrays.asList(header));
		if (dataset == null) {
			throw new RideFileException("The CSV header names no TLC trip dataset: expected a column "
					+ RideColumn.datasetColumns() + "; found " + Values.abbreviate(Arrays.toString(header)));
		}
		return dataset;
	}

	private static Map<RideColumn, Integer> positionsOf(String[] header, Dataset dataset) {
		Map<RideColumn, Integer> positions = new EnumMap<>(RideColumn.class);
		List<String> missing = new ArrayList<>();
		for (RideColumn column : RideColumn.values()) {
			String name = column.header(dataset);
			if (name == null) {
				continue;
			}
			for (int i = 0; i < header.length; i++) {
				if (header[i].replace("\uFEFF", "").strip().equalsIgnoreCase(name)) {
					if (positions.putIfAbsent(column, i) != null) {
						throw new RideFileException("The CSV header names column " + name + " twice");
					}
				}
			}
			if (column.requiredIn(dataset) && !positions.containsKey(column)) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			throw new RideFileException("The CSV header of " + dataset.wireName() + " trips lacks required columns "
					+ missing + "; found " + Values.abbreviate(Arrays.toString(header)));
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
