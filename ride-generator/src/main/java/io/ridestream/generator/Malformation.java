package io.ridestream.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ways to break a well-formed CSV row, each one a mistake seen in real exports, each one a row that a ride reader
 * must reject rather than guess at.
 */
enum Malformation {

	/** A numeric column holding text, e.g. a spreadsheet's {@code #VALUE!} or a currency sign. */
	TEXT_IN_NUMBER {
		@Override
		String apply(String row, SplittableRandom random, Targets targets) {
			return replace(row, pick(targets.numeric(), random), pick(NOT_NUMBERS, random));
		}
	},

	/** A pickup or dropoff time that is no date-time: impossible dates, another format, no time of day. */
	BAD_TIMESTAMP {
		@Override
		String apply(String row, SplittableRandom random, Targets targets) {
			int position = random.nextBoolean() ? targets.pickupTime() : targets.dropoffTime();
			return replace(row, position, pick(NOT_TIMESTAMPS, random));
		}
	},

	/** A column the reader needs, left empty. */
	EMPTY_REQUIRED_VALUE {
		@Override
		String apply(String row, SplittableRandom random, Targets targets) {
			return replace(row, pick(targets.required(), random), "");
		}
	},

	/** A store-and-forward flag other than Y or N; text in a numeric column for a dataset without the flag. */
	UNKNOWN_FLAG {
		@Override
		String apply(String row, SplittableRandom random, Targets targets) {
			if (targets.storeAndForwardFlag() < 0) {
				return TEXT_IN_NUMBER.apply(row, random, targets);
			}
			return replace(row, targets.storeAndForwardFlag(), pick(NOT_FLAGS, random));
		}
	},

	/** A field left out, so the row is one column short. */
	MISSING_FIELD {
		@Override
		String apply(String row, SplittableRandom random, Targets targets) {
			List<String> fields = fields(row);
			fields.remove(random.nextInt(fields.size()));
			return String.join(",", fields);
		}
	},

	/** A field too many, as when a value holds an unquoted comma. */
	EXTRA_FIELD {
		@Override
		String apply(String row, SplittableRandom random, Targets targets) {
			List<String> fields = fields(row);
			int position = random.nextInt(fields.size());
			fields.add(position, fields.get(position));
			return String.join(",", fields);
		}
	},

	/** A quote opened and never closed. */
	UNTERMINATED_QUOTE {
		@Override
		String apply(String row, SplittableRandom random, Targets targets) {
			List<String> fields = fields(row);
			int position = random.nextInt(fields.size());
			fields.set(position, '"' + fields.get(position));
			return String.join(",", fields);
		}
	},

	/** A row cut off part way, as by an interrupted write: at least its last field is lost. */
	TRUNCATED_ROW {
		@Override
		String apply(String row, SplittableRandom random, Targets targets) {
			return row.substring(0, 1 + random.nextInt(row.lastIndexOf(',') - 1));
		}
	};

	/**
	 * Where a row of a layout can be broken: positions of its columns, counting from 0.
	 *
	 * @param numeric the numeric columns
	 * @param pickupTime the pickup time's column
	 * @param dropoffTime the dropoff time's column
	 * @param required the columns a reader requires
	 * @param storeAndForwardFlag the store-and-forward flag's column, or -1 if the layout has none
	 */
	record Targets(int[] numeric, int pickupTime, int dropoffTime, int[] required, int storeAndForwardFlag) {
	}

	private static final Malformation[] ALL = values();

	private static final String[] NOT_NUMBERS = { "N/A", "null", "twelve", "1O.5", "$12.50", "12.5.0", "#VALUE!" };

	private static final String[] NOT_TIMESTAMPS = { "2020-13-01 00:25:32", "2020-02-30 08:15:00",
			"07/01/2020 00:25:32", "2020-07-01 24:00:00", "2020-07-01", "yesterday" };

	private static final String[] NOT_FLAGS = { "X", "yes", "0" };

	/**
	 * Breaks a row written by {@link CsvFormat} in one way, picked at random.
	 */
	static String breakRow(String row, SplittableRandom random, Targets targets) {
		return pick(ALL, random).apply(row, random, targets);
	}

	abstract String apply(String row, SplittableRandom random, Targets targets);

	private static List<String> fields(String row) {
		return new ArrayList<>(Arrays.asList(row.split(",", -1)));
	}

	private static String replace(String row, int position, String value) {
		List<String> fields = fields(row);
		fields.set(position, value);
		return String.join(",", fields);
	}

	private static <T> T pick(T[] choices, SplittableRandom random) {
		return choices[random.nextInt(choices.length)];
	}

	private static int pick(int[] choices, SplittableRandom random) {
		return choices[random.nextInt(choices.length)];
	}

}
