package io.ridestream.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Hands a {@link Trip} to parquet-java column by column, in a layout's physical types, leaving out null values:
 * no record object is built for a row.
 */
final class TripWriteSupport extends WriteSupport<Trip> {

	private static final Binary YES = Binary.fromString("Y");

	private static final Binary NO = Binary.fromString("N");

	private final Column[] columns;

	private final MessageType schema;

	/** Base numbers as text, made once each: a file holds a few dozen bases. */
	private final Map<Integer, Binary> baseNumbers = new HashMap<>();

	private final CsvLine baseNumber = new CsvLine();

	private RecordConsumer consumer;

	TripWriteSupport(List<Column> columns) {
		this.columns = columns.toArray(Column[]::new);
		this.schema = schema(columns);
	}

	/** The schema as pyarrow names it: a message called {@code schema} of optional columns. */
	static MessageType schema(List<Column> columns) {
		List<Type> fields = columns.stream().map((column) -> (Type) column.parquetType().column(column.name())).toList();
		return new MessageType("schema", fields);
	}

	@Override
	public WriteContext init(Configuration configuration) {
		return new WriteContext(this.schema, Map.of());
	}

	@Override
	public WriteContext init(ParquetConfiguration configuration) {
		return new WriteContext(this.schema, Map.of());
	}

	@Override
	public String getName() {
		return "ride-generator";
	}

	@Override
	public void prepareForWrite(RecordConsumer recordConsumer) {
		this.consumer = recordConsumer;
	}

	@Override
	public void write(Trip trip) {
		this.consumer.startMessage();
		for (int i = 0; i < this.columns.length; i++) {
			Column column = this.columns[i];
			Field field = column.field();
			if (field.isNull(trip)) {
				continue;
			}
			this.consumer.startField(column.name(), i);
			switch (column.parquetType()) {
				case INT32 -> this.consumer.addInteger((int) field.value(trip));
				case INT64 -> this.consumer.addLong(field.value(trip));
				case DOUBLE -> this.consumer.addDouble(field.decimalValue(trip));
				case TIMESTAMP_MICROS -> this.consumer.addLong(Math.multiplyExact(field.value(trip), 1_000_000L));
				case TIMESTAMP_NANOS -> this.consumer.addLong(Math.multiplyExact(field.value(trip), 1_000_000_000L));
				case STRING -> this.consumer.addBinary(text(field, trip));
			}
			this.consumer.endField(column.name(), i);
		}
		this.consumer.endMessage();
	}

	private Binary text(Field field, Trip trip) {
		if (field == Field.STORE_AND_FWD_FLAG) {
			return (trip.storeAndForwardFlag == 'Y') ? YES : NO;
		}
		return this.baseNumbers.computeIfAbsent((int) field.value(trip), (number) -> {
			this.baseNumber.clear();
			return Binary.fromString(this.baseNumber.appendBaseNumber(number).toString());
		});
	}

}
