package io.ridestream.generator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The CSV layout of a dataset in a year: the header as the TLC spells it, then the columns in their order, values
 * formatted as in TLC files and null values as empty fields.
 */
final class CsvFormat {

	/** The columns that a broken row may fill with text. */
	private static final Set<Field> NUMERIC_FIELDS = EnumSet.of(Field.VENDOR_ID, Field.PASSENGER_COUNT,
			Field.TRIP_DISTANCE, Field.RATECODE_ID, Field.PICKUP_LOCATION_ID, Field.DROPOFF_LOCATION_ID,
			Field.PAYMENT_TYPE, Field.FARE_AMOUNT, Field.TIP_AMOUNT, Field.TOTAL_AMOUNT, Field.CONGESTION_SURCHARGE);

	private final Field[] fields;

	private final String header;

	private final Malformation.Targets targets;

	CsvFormat(List<Column> columns) {
		this.fields = columns.stream().map(Column::field).toArray(Field[]::new);
		this.header = columns.stream().map(Column::name).collect(Collectors.joining(","));
		this.targets = new Malformation.Targets(
				positions(columns, (column) -> NUMERIC_FIELDS.contains(column.field())),
				position(columns, Field.PICKUP_TIME), position(columns, Field.DROPOFF_TIME),
				positions(columns, Column::required), position(columns, Field.STORE_AND_FWD_FLAG));
	}

	String header() {
		return this.header;
	}

	/** Where a broken row may be broken. */
	Malformation.Targets targets() {
		return this.targets;
	}

	void write(Trip trip, CsvLine line) {
		for (int i = 0; i < this.fields.length; i++) {
			if (i > 0) {
				line.comma();
			}
			this.fields[i].appendTo(trip, line);
		}
	}

	private static int[] positions(List<Column> columns, Predicate<Column> wanted) {
		return IntStream.range(0, columns.size()).filter((i) -> wanted.test(columns.get(i))).toArray();
	}

	/** The position of the field's column, or -1 if the layout has none. */
	private static int position(List<Column> columns, Field field) {
		return IntStream.range(0, columns.size()).filter((i) -> columns.get(i).field() == field).findFirst().orElse(-1);
	}

}
