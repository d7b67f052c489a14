package io.ridestream.read;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;

/**
 * Generates CSV files, as bytes, from valid ride rows of which a random subset is broken in the ways real files
 * break: truncated lines, values of the wrong type, stray quotes, quoted commas and line breaks, blank lines,
 * huge fields, extra or missing fields, {@code \r}-only line endings and bytes that are not UTF-8. Each generated
 * line remembers what a reader should make of it, so a test can check every line is accounted for.
 *
 * <p>The same seed always gives the same file: put {@link Sample#seed()} in failure messages to reproduce one.
 * Other modules reuse this from ride-readers' test-jar, e.g. to post such files to the producer.
 */
public final class MalformedCsv {

	/** A field far past {@link RideCsvReader#MAX_LINE_LENGTH}. */
	public static final int HUGE_FIELD_LENGTH = 200_000;

	private static final String[] WRONG_TYPES = { "abc", "NaN", "Infinity", "1e999999999", "-", "2020-13-45 25:61:61",
			"12:00", "0x1F", "true", "\u221E", "1/2", "--1" };

	private static final byte[][] INVALID_UTF8 = { { (byte) 0xFF }, { (byte) 0xFE }, { (byte) 0xC3, 0x28 },
			{ (byte) 0x80 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80 } };

	private static final String[] LINE_BREAKS = { "\n", "\r\n", "\r" };

	/** How a line was made from a valid row. */
	public enum Mutation {

		NONE, BLANK_LINE, TRUNCATED, WRONG_TYPE, STRAY_QUOTE, QUOTED_FIELD, PADDED_FIELD, QUOTED_COMMA,
		QUOTED_LINE_BREAK, HUGE_FIELD, LONG_NUMBER, EXTRA_FIELD, MISSING_FIELD, INVALID_UTF8

	}

	/** What a reader must make of a line. */
	public enum Expected {

		/** A ride equal to {@link Line#ride()}. */
		PARSED,
		/** A rejected row. */
		REJECTED,
		/** One row, parsed or rejected: e.g. a line cut inside its last field may still be a (different) ride. */
		EITHER,
		/** No row: the line is blank. */
		SKIPPED

	}

	/** One physical line of a generated file; {@code number} counts the header as line 1. */
	public record Line(long number, Mutation mutation, Expected expected, Ride ride) {
	}

	/** A generated file and what each of its lines after the header must become. */
	public record Sample(long seed, byte[] bytes, List<Line> lines) {

		/** The lines that must each give exactly one row: all but the blank ones. */
		public List<Line> rowLines() {
			return this.lines.stream().filter((line) -> line.expected() != Expected.SKIPPED).toList();
		}

		public long count(Expected expected) {
			return this.lines.stream().filter((line) -> line.expected() == expected).count();
		}

		@Override
		public String toString() {
			return "MalformedCsv sample with seed " + this.seed + " (" + this.bytes.length + " bytes, "
					+ this.lines.size() + " lines)";
		}

	}

	private final String header;

	private final List<String> rows;

	private final List<Ride> rides;

	private MalformedCsv(String header, List<String> rows, List<Ride> rides) {
		this.header = header;
		this.rows = rows;
		this.rides = rides;
	}

	/**
	 * A generator that mutates the rows of the given CSV text, e.g. the bundled {@code data/rides.csv}.
	 * @throws IllegalArgumentException if a row of it is not a valid ride or contains a quote
	 */
	public static MalformedCsv from(String csv) {
		List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\r?\n")));
		lines.removeIf(String::isBlank);
		String header = lines.remove(0);
		List<Ride> rides = new ArrayList<>();
		for (String row : lines) {
			if (row.indexOf('"') >= 0) {
				throw new IllegalArgumentException("Source rows must be unquoted: " + row);
			}
			try (RideCsvReader reader = RideCsvReader.open(new StringReader(header + "\n" + row))) {
				if (!(reader.next() instanceof RideRow.Parsed parsed)) {
					throw new IllegalArgumentException("Source row is not a valid ride: " + row);
				}
				rides.add(parsed.ride());
			}
		}
		return new MalformedCsv(header, List.copyOf(lines), List.copyOf(rides));
	}

	/**
	 * A file with the intact header and {@code rowCount} rows picked at random, each broken with probability
	 * {@code mutationRate}. Line endings are {@code \n}, {@code \r\n}, {@code \r} or a mix, at random.
	 */
	public Sample generate(long seed, int rowCount, double mutationRate) {
		SplittableRandom random = new SplittableRandom(seed);
		Output out = new Output(random);
		int leadingBlankLines = (random.nextInt(10) == 0) ? 1 + random.nextInt(2) : 0;
		for (int i = 0; i < leadingBlankLines; i++) {
			out.blank("");
		}
		out.header(this.header);
		for (int i = 0; i < rowCount; i++) {
			int index = random.nextInt(this.rows.size());
			Mutation mutation = (random.nextDouble() < mutationRate) ? pick(random) : Mutation.NONE;
			mutate(random, out, mutation, this.rows.get(index), this.rides.get(index));
		}
		return new Sample(seed, out.bytes(random.nextBoolean()), Collections.unmodifiableList(out.lines));
	}

	/**
	 * A file whose header is broken so that no reader can use it: a required column cut, misspelt, renamed by
	 * a stray quote or an invalid byte, named twice, or a header past the line length limit, or no header at all.
	 */
	public byte[] brokenHeader(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<String> names = new ArrayList<>(Arrays.asList(this.header.split(",", -1)));
		int required = requiredColumn(random, names);
		String name = names.get(required);
		byte[] insert = null;
		String header;
		switch (random.nextInt(8)) {
			case 0 -> header = this.header.substring(0, this.header.indexOf(name) + random.nextInt(name.length()));
			case 1 -> {
				names.remove(required);
				header = String.join(",", names);
			}
			case 2 -> {
				names.set(required, name + "_");
				header = String.join(",", names);
			}
			case 3 -> {
				names.set(required, insertAt(random, name, "\""));
				header = String.join(",", names);
			}
			case 4 -> {
				names.add(random.nextInt(names.size() + 1), name);
				header = String.join(",", names);
			}
			case 5 -> {
				names.set(required, name + " ".repeat(RideCsvReader.MAX_LINE_LENGTH));
				header = String.join(",", names);
			}
			case 6 -> {
				header = "\n \n\t\n";
				return header.getBytes(StandardCharsets.UTF_8);
			}
			default -> {
				header = this.header;
				insert = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (insert != null) {
			int at = this.header.indexOf(name) + random.nextInt(name.length() + 1);
			byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
			out.write(bytes, 0, at);
			out.writeBytes(insert);
			out.write(bytes, at, bytes.length - at);
		}
		else {
			out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(LINE_BREAKS[random.nextInt(LINE_BREAKS.length)].getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(this.rows.get(0).getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static int requiredColumn(SplittableRandom random, List<String> names) {
		while (true) {
			int i = random.nextInt(names.size());
			for (RideColumn column : RideColumn.values()) {
				if (column.requiredIn(Dataset.YELLOW) && column.header(Dataset.YELLOW).equalsIgnoreCase(names.get(i).strip())) {
					return i;
				}
			}
		}
	}

	private static Mutation pick(SplittableRandom random) {
		Mutation[] mutations = Mutation.values();
		Mutation mutation = mutations[1 + random.nextInt(mutations.length - 1)];
		// Huge lines are costly to generate and read: keep them rare.
		if (mutation == Mutation.HUGE_FIELD && random.nextInt(8) != 0) {
			return Mutation.WRONG_TYPE;
		}
		return mutation;
	}

	private static void mutate(SplittableRandom random, Output out, Mutation mutation, String row, Ride ride) {
		String[] fields = row.split(",", -1);
		int field = random.nextInt(fields.length);
		switch (mutation) {
			case NONE -> out.line(row, mutation, Expected.PARSED, ride);
			case BLANK_LINE -> out.blank(" \t ".substring(0, random.nextInt(4)));
			case TRUNCATED -> {
				String cut = row.substring(0, random.nextInt(row.length()));
				if (cut.isEmpty()) {
					out.blank(cut);
				}
				else {
					boolean lastFieldCut = cut.split(",", -1).length == fields.length;
					out.line(cut, mutation, lastFieldCut ? Expected.EITHER : Expected.REJECTED, null);
				}
			}
			case WRONG_TYPE -> out.line(replace(fields, field, WRONG_TYPES[random.nextInt(WRONG_TYPES.length)]),
					mutation, Expected.REJECTED, null);
			case STRAY_QUOTE -> out.line(insertAt(random, row, "\""), mutation, Expected.REJECTED, null);
			case QUOTED_FIELD -> out.line(replace(fields, field, "\"" + fields[field] + "\""), mutation,
					Expected.PARSED, ride);
			case PADDED_FIELD -> out.line(replace(fields, field, " " + fields[field] + "\t"), mutation,
					Expected.PARSED, ride);
			case QUOTED_COMMA -> out.line(replace(fields, field, "\"" + fields[field] + "," + fields[field] + "\""),
					mutation, Expected.REJECTED, null);
			case QUOTED_LINE_BREAK -> {
				String[] parts = replace(fields, field, "\"" + fields[field] + "\u0000" + fields[field] + "\"")
					.split("\u0000");
				out.line(parts[0], mutation, Expected.REJECTED, null);
				out.line(parts[1], mutation, Expected.REJECTED, null);
			}
			case HUGE_FIELD -> out.line(replace(fields, field, "7".repeat(HUGE_FIELD_LENGTH)), mutation,
					Expected.REJECTED, null);
			case LONG_NUMBER -> out.line(replace(fields, field, "9".repeat(1_000 + random.nextInt(9_000))),
					mutation, Expected.REJECTED, null);
			case EXTRA_FIELD -> out.line(replace(fields, field, fields[field] + "," + fields[field]), mutation,
					Expected.REJECTED, null);
			case MISSING_FIELD -> {
				List<String> fewer = new ArrayList<>(Arrays.asList(fields));
				fewer.remove(field);
				out.line(String.join(",", fewer), mutation, Expected.REJECTED, null);
			}
			case INVALID_UTF8 -> {
				byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
				int at = random.nextInt(bytes.length + 1);
				ByteArrayOutputStream line = new ByteArrayOutputStream();
				line.write(bytes, 0, at);
				line.writeBytes(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
				line.write(bytes, at, bytes.length - at);
				out.line(line.toByteArray(), mutation, Expected.REJECTED, null);
			}
		}
	}

	private static String replace(String[] fields, int field, String value) {
		String[] copy = fields.clone();
		copy[field] = value;
		return String.join(",", copy);
	}

	private static String insertAt(SplittableRandom random, String text, String insert) {
		int at = random.nextInt(text.length() + 1);
		return text.substring(0, at) + insert + text.substring(at);
	}

	/** Writes lines with their breaks and numbers them as a reader must. */
	private static final class Output {

		private final SplittableRandom random;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final List<Line> lines = new ArrayList<>();

		/** -1 for a mix, else the index of the one line break of the file. */
		private final int style;

		private long number;

		private String lastBreak = "";

		private byte[] pending;

		Output(SplittableRandom random) {
			this.random = random;
			int choice = random.nextInt(10);
			this.style = (choice < 6) ? 0 : (choice < 7) ? 1 : (choice < 8) ? 2 : -1;
		}

		void header(String header) {
			write(header.getBytes(StandardCharsets.UTF_8));
		}

		void blank(String whitespace) {
			write(whitespace.getBytes(StandardCharsets.UTF_8));
			this.lines.add(new Line(this.number, Mutation.BLANK_LINE, Expected.SKIPPED, null));
		}

		void line(String text, Mutation mutation, Expected expected, Ride ride) {
			line(text.getBytes(StandardCharsets.UTF_8), mutation, expected, ride);
		}

		void line(byte[] text, Mutation mutation, Expected expected, Ride ride) {
			write(text);
			this.lines.add(new Line(this.number, mutation, expected, ride));
		}

		/** The file, the last line with or without its line break. */
		byte[] bytes(boolean endWithLineBreak) {
			if (endWithLineBreak || this.pending.length == 0) {
				writeBreak(this.pending.length == 0);
			}
			return this.bytes.toByteArray();
		}

		private void write(byte[] text) {
			if (this.pending != null) {
				writeBreak(this.pending.length == 0);
			}
			this.bytes.writeBytes(text);
			this.pending = text;
			this.number++;
		}

		private void writeBreak(boolean afterEmptyLine) {
			String lineBreak = LINE_BREAKS[(this.style >= 0) ? this.style : this.random.nextInt(LINE_BREAKS.length)];
			// "\r" then an empty line ended by "\n" would read as one "\r\n" break: end that line otherwise.
			if (afterEmptyLine && this.lastBreak.equals("\r") && lineBreak.equals("\n")) {
				lineBreak = "\r";
			}
			this.bytes.writeBytes(lineBreak.getBytes(StandardCharsets.US_ASCII));
			this.lastBreak = lineBreak;
		}

	}

}
