package io.ridestream.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.ridestream.model.Dataset;
import io.ridestream.model.read.RideColumn;

/**
 * Ways to break a well-formed CSV row, each one a mistake seen in real exports, each one a row that a ride reader
 * must reject rather than guess at.
 */
enum Malformation {

	/** A numeric column holding text, e.g. a spreadsheet's {@code #VALUE!} or a currency sign. */
	TEXT_IN_NUMBER {
		@Override
		String apply(String row, SplittableRandom random) {
			return replace(row, pick(NUMERIC_COLUMNS, random), pick(NOT_NUMBERS, random));
		}
	},

	/** A pickup or dropoff time that is no date-time: impossible dates, another format, no time of day. */
	BAD_TIMESTAMP {
		@Override
		String apply(String row, SplittableRandom random) {
			RideColumn column = random.nextBoolean() ? RideColumn.PICKUP_DATETIME : RideColumn.DROPOFF_DATETIME;
			return replace(row, column, pick(NOT_TIMESTAMPS, random));
		}
	},

	/** A column the reader needs, left empty. */
	EMPTY_REQUIRED_VALUE {
		@Override
		String apply(String row, SplittableRandom random) {
			return replace(row, pick(REQUIRED_COLUMNS, random), "");
		}
	},

	/** A store-and-forward flag other than Y or N. */
	UNKNOWN_FLAG {
		@Override
		String apply(String row, SplittableRandom random) {
			return replace(row, RideColumn.STORE_AND_FWD_FLAG, pick(NOT_FLAGS, random));
		}
	},

	/** A field left out, so the row is one column short. */
	MISSING_FIELD {
		@Override
		String apply(String row, SplittableRandom random) {
			List<String> fields = fields(row);
			fields.remove(random.nextInt(fields.size()));
			return String.join(",", fields);
		}
	},

	/** A field too many, as when a value holds an unquoted comma. */
	EXTRA_FIELD {
		@Override
		String apply(String row, SplittableRandom random) {
			List<String> fields = fields(row);
			int position = random.nextInt(fields.size());
			fields.add(position, fields.get(position));
			return String.join(",", fields);
		}
	},

	/** A quote opened and never closed. */
	UNTERMINATED_QUOTE {
		@Override
		String apply(String row, SplittableRandom random) {
			List<String> fields = fields(row);
			int position = random.nextInt(fields.size());
			fields.set(position, '"' + fields.get(position));
			return String.join(",", fields);
		}
	},

	/** A row cut off part way, as by an interrupted write: at least its last field is lost. */
	TRUNCATED_ROW {
		@Override
		String apply(String row, SplittableRandom random) {
			return row.substring(0, 1 + random.nextInt(row.lastIndexOf(',') - 1));
		}
	};

	private static final Malformation[] ALL = values();

	private static final RideColumn[] NUMERIC_COLUMNS = { RideColumn.VENDOR_ID, RideColumn.PASSENGER_COUNT,
			RideColumn.TRIP_DISTANCE, RideColumn.RATECODE_ID, RideColumn.PICKUP_LOCATION_ID,
			RideColumn.DROPOFF_LOCATION_ID, RideColumn.PAYMENT_TYPE, RideColumn.FARE_AMOUNT, RideColumn.TIP_AMOUNT,
			RideColumn.TOTAL_AMOUNT, RideColumn.CONGESTION_SURCHARGE };

	private static final String[] NOT_NUMBERS = { "N/A", "null", "twelve", "1O.5", "$12.50", "12.5.0", "#VALUE!" };

	private static final String[] NOT_TIMESTAMPS = { "2020-13-01 00:25:32", "2020-02-30 08:15:00",
			"07/01/2020 00:25:32", "2020-07-01 24:00:00", "2020-07-01", "yesterday" };

	private static final String[] NOT_FLAGS = { "X", "yes", "0" };

	private static final RideColumn[] REQUIRED_COLUMNS = Arrays.stream(RideColumn.values())
		.filter((column) -> column.requiredIn(Dataset.YELLOW))
		.toArray(RideColumn[]::new);

	/**
	 * Breaks a row written by {@link TripFormat} in one way, picked at random.
	 */
	static String breakRow(String row, SplittableRandom random) {
		return pick(ALL, random).apply(row, random);
	}

	abstract String apply(String row, SplittableRandom random);

	private static List<String> fields(String row) {
		return new ArrayList<>(Arrays.asList(row.split(",", -1)));
	}

	/** Columns are written in the order of {@link RideColumn}, so a column's ordinal is its position. */
	private static String replace(String row, RideColumn column, String value) {
		List<String> fields = fields(row);
		fields.set(column.ordinal(), value);
		return String.join(",", fields);
	}

	private static <T> T pick(T[] choices, SplittableRandom random) {
		return choices[random.nextInt(choices.length)];
	}

}
