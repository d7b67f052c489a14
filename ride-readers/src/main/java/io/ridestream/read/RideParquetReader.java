package io.ridestream.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

import io.ridestream.model.Dataset;
import io.ridestream.model.Decimals;
import io.ridestream.model.PlainTimestamps;
import io.ridestream.model.Values;

/**
 * Reads rides from a TLC trip Parquet file with parquet-java, one row group at a time, so memory holds one row
 * group's compressed columns whatever the file's size. Only the columns a ride carries are read.
 *
 * <p>The schema's column names tell the dataset and the columns, as a CSV header does. The TLC stores the same column
 * differently from month to month, and every such variant is read: an integer column as INT32, INT64 or DOUBLE (a
 * DOUBLE must hold a whole number), an amount as DOUBLE (read as the shortest decimal that is the same double, so
 * 12.3 stays 12.3 and sums stay exact; a double the writer computed, 0.8999999999999999, is rounded to the 0.9 it
 * meant, {@link Decimals#withoutFloatingPointNoise}), FLOAT, integer or DECIMAL, a timestamp as INT64 milli-, micro- or nanoseconds
 * or INT96 (New York local time unless marked adjusted to UTC, then converted to New York time), or as text, and text
 * as BINARY. A value that does not fit its column rejects its row ({@link RideRow.Rejected}, numbered from 1).
 */
public final class RideParquetReader implements RideReader {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final long JULIAN_DAY_OF_EPOCH = 2_440_588;

	private final ParquetFileReader file;

	private final Dataset dataset;

	private final MessageType projection;

	/** The index in the projection of each column the file has. */
	private final Map<RideColumn, Integer> fields;

	private final Row row;

	private RecordReader<Row> records;

	private long rowsLeftInGroup;

	private long position;

	private RideParquetReader(ParquetFileReader file, Dataset dataset, MessageType projection,
			Map<RideColumn, Integer> fields) {
		this.file = file;
		this.dataset = dataset;
		this.projection = projection;
		this.fields = fields;
		this.row = new Row(projection);
	}

	/**
	 * Opens a reader on a Parquet file and reads its schema.
	 * @throws RideFileException if the file is not Parquet, or its schema names no dataset or lacks a column
	 */
	public static RideParquetReader open(Path path) {
		ParquetFileReader file;
		try {
			file = ParquetFileReader.open(new LocalInputFile(path),
					ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
		}
		catch (IOException | RuntimeException ex) {
			throw new RideFileException("The file is not a readable Parquet file: " + ex.getMessage(), ex);
		}
		try {
			MessageType schema = file.getFooter().getFileMetaData().getSchema();
			List<String> names = schema.getFields().stream().map(Type::getName).toList();
			Dataset dataset = RideColumn.datasetOf(names);
			if (dataset == null) {
				throw new RideFileException("The Parquet schema names no TLC trip dataset: expected a column "
						+ RideColumn.datasetColumns() + "; found " + Values.abbreviate(names.toString()));
			}
			List<Type> projected = new ArrayList<>();
			Map<RideColumn, Integer> fields = new EnumMap<>(RideColumn.class);
			List<String> missing = new ArrayList<>();
			for (RideColumn column : RideColumn.values()) {
				String name = column.header(dataset);
				Type field = (name != null) ? fieldNamed(schema, name) : null;
				if (field != null) {
					fields.put(column, projected.size());
					projected.add(checked(field));
				}
				else if (column.requiredIn(dataset)) {
					missing.add(name);
				}
			}
			if (!missing.isEmpty()) {
				throw new RideFileException("The Parquet schema of " + dataset.wireName()
						+ " trips lacks required columns " + missing + "; found " + Values.abbreviate(names.toString()));
			}
			file.setRequestedSchema(new MessageType(schema.getName(), projected));
			return new RideParquetReader(file, dataset, new MessageType(schema.getName(), projected), fields);
		}
		catch (RuntimeException ex) {
			closeQuietly(file, ex);
			throw ex;
		}
	}

	@Override
	public Dataset dataset() {
		return this.dataset;
	}

	@Override
	public String positionName() {
		return "row";
	}

	@Override
	public RideRow next() {
		try {
			while (this.rowsLeftInGroup == 0) {
				PageReadStore group = this.file.readNextRowGroup();
				if (group == null) {
					return null;
				}
				this.records = new ColumnIOFactory().getColumnIO(this.projection)
					.getRecordReader(group, this.row.materializer());
				this.rowsLeftInGroup = group.getRowCount();
			}
			this.rowsLeftInGroup--;
			this.position++;
			this.records.read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading Parquet failed after row " + this.position + ": " + ex.getMessage(), ex);
		}
		catch (ParquetDecodingException ex) {
			throw new UncheckedIOException("Reading Parquet failed at row " + this.position + ": " + ex.getMessage(),
					new IOException(ex));
		}
		try {
			return new RideRow.Parsed(this.position, RideRowMapping.ride(this.dataset, new CurrentRow()));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return new RideRow.Rejected(this.position, ex.getMessage());
		}
	}

	@Override
	public void close() {
		try {
			this.file.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The top-level field of that name in any case, or null. */
	private static Type fieldNamed(MessageType schema, String name) {
		for (Type field : schema.getFields()) {
			if (field.getName().equalsIgnoreCase(name)) {
				return field;
			}
		}
		return null;
	}

	private static Type checked(Type field) {
		if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
			throw new RideFileException("Parquet column " + field.getName() + " is not a single value: " + field);
		}
		PrimitiveTypeName type = field.asPrimitiveType().getPrimitiveTypeName();
		if (type == PrimitiveTypeName.BOOLEAN) {
			throw new RideFileException("Parquet column " + field.getName() + " is stored as " + type
					+ ", which is no TLC column's type");
		}
		return field;
	}

	private static void closeQuietly(ParquetFileReader file, RuntimeException failure) {
		try {
			file.close();
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

	/** The current row's values, converted from the way the file stores each column. */
	private final class CurrentRow implements RowValues {

		@Override
		public String text(RideColumn column) {
			Integer field = RideParquetReader.this.fields.get(column);
			if (field == null || !row.present[field]) {
				return null;
			}
			String text = switch (row.types[field].getPrimitiveTypeName()) {
				case BINARY, FIXED_LEN_BYTE_ARRAY -> row.binaries[field].toStringUsingUTF8().strip();
				case INT32, INT64 -> Long.toString(row.longs[field]);
				default -> throw notA(column, field, "text");
			};
			return text.isEmpty() ? null : text;
		}

		@Override
		public Integer integer(RideColumn column) {
			Integer field = RideParquetReader.this.fields.get(column);
			if (field == null || !row.present[field]) {
				return null;
			}
			PrimitiveType type = row.types[field];
			switch (type.getPrimitiveTypeName()) {
				case INT32, INT64 -> {
					if (type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation) {
						return wholeNumber(column, decimal(column));
					}
					long value = row.longs[field];
					if (value != (int) value) {
						throw new IllegalArgumentException(header(column) + ": " + value + " is out of range");
					}
					return (int) value;
				}
				case DOUBLE, FLOAT -> {
					double value = row.doubles[field];
					if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
						throw new IllegalArgumentException(header(column) + ": " + value + " is not an integer");
					}
					return (int) value;
				}
				case BINARY -> {
					String text = text(column);
					try {
						return (text != null) ? Integer.valueOf(text) : null;
					}
					catch (NumberFormatException ex) {
						throw new IllegalArgumentException(header(column) + ": '" + Values.abbreviate(text)
								+ "' is not an integer");
					}
				}
				default -> throw notA(column, field, "integer");
			}
		}

		private Integer wholeNumber(RideColumn column, BigDecimal value) {
			try {
				return value.intValueExact();
			}
			catch (ArithmeticException ex) {
				throw new IllegalArgumentException(header(column) + ": " + value.toPlainString() + " is not an integer");
			}
		}

		@Override
		public BigDecimal decimal(RideColumn column) {
			Integer field = RideParquetReader.this.fields.get(column);
			if (field == null || !row.present[field]) {
				return null;
			}
			PrimitiveType type = row.types[field];
			int scale = (type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation decimal)
					? decimal.getScale() : 0;
			return switch (type.getPrimitiveTypeName()) {
				case DOUBLE, FLOAT -> Decimals.withoutFloatingPointNoise(shortestDecimal(column, row.doubles[field]));
				case INT32, INT64 -> BigDecimal.valueOf(row.longs[field], scale);
				case BINARY, FIXED_LEN_BYTE_ARRAY -> (scale > 0 || type.getLogicalTypeAnnotation() != null
						&& !(type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation))
						? new BigDecimal(new BigInteger(row.binaries[field].getBytes()), scale)
						: parsedDecimal(column, text(column));
				default -> throw notA(column, field, "number");
			};
		}

		private BigDecimal parsedDecimal(RideColumn column, String text) {
			try {
				return (text != null) ? Decimals.withoutFloatingPointNoise(Decimals.parse(text)) : null;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(header(column) + ": '" + Values.abbreviate(text)
						+ "' is not a decimal number");
			}
		}

		@Override
		public LocalDateTime timestamp(RideColumn column) {
			Integer field = RideParquetReader.this.fields.get(column);
			if (field == null || !row.present[field]) {
				return null;
			}
			PrimitiveType type = row.types[field];
			try {
				return switch (type.getPrimitiveTypeName()) {
					case INT64 -> {
						if (!(type.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation timestamp)) {
							throw notA(column, field, "timestamp");
						}
						Instant instant = switch (timestamp.getUnit()) {
							case MILLIS -> Instant.ofEpochMilli(row.longs[field]);
							case MICROS -> Instant.ofEpochSecond(Math.floorDiv(row.longs[field], 1_000_000L),
									Math.floorMod(row.longs[field], 1_000_000L) * 1_000L);
							case NANOS -> Instant.ofEpochSecond(Math.floorDiv(row.longs[field], 1_000_000_000L),
									Math.floorMod(row.longs[field], 1_000_000_000L));
						};
						yield timestamp.isAdjustedToUTC() ? LocalDateTime.ofInstant(instant, NEW_YORK)
								: LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
					}
					case INT96 -> int96(row.binaries[field]);
					case BINARY -> parsedTimestamp(column, text(column));
					default -> throw notA(column, field, "timestamp");
				};
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException(header(column) + ": not a date-time (" + ex.getMessage() + ")");
			}
		}

		/** Impala's and old Spark's timestamps: nanoseconds of the day, then the Julian day, little-endian. */
		private LocalDateTime int96(Binary value) {
			ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
			long nanosOfDay = bytes.getLong();
			long julianDay = Integer.toUnsignedLong(bytes.getInt());
			long epochDay = julianDay - JULIAN_DAY_OF_EPOCH;
			return LocalDateTime.ofEpochSecond(epochDay * 86_400 + nanosOfDay / 1_000_000_000L,
					(int) (nanosOfDay % 1_000_000_000L), ZoneOffset.UTC);
		}

		private LocalDateTime parsedTimestamp(RideColumn column, String text) {
			if (text == null) {
				return null;
			}
			LocalDateTime time = (text.length() >= 19) ? PlainTimestamps.parse(text) : null;
			if (time == null) {
				throw new DateTimeParseException("not like 2020-07-01 00:25:32", text, 0);
			}
			return time;
		}

		private IllegalArgumentException notA(RideColumn column, int field, String kind) {
			return new IllegalArgumentException(header(column) + ": a " + row.types[field] + " is not a " + kind);
		}

		private String header(RideColumn column) {
			return column.header(RideParquetReader.this.dataset);
		}

	}

	/**
	 * The decimal a double amount was written from: the one with the fewest decimal places that is the same double
	 * (12.3, not 12.300000000000000710542735760100185871124267578125). Java's Double.toString gives it for every
	 * amount with a few decimals; longer ones are searched, as it may give more digits than needed before Java 19.
	 */
	static BigDecimal shortestDecimal(RideColumn column, double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException(column.wireName() + ": " + value + " is not a number");
		}
		BigDecimal decimal = BigDecimal.valueOf(value);
		if (decimal.scale() <= 3) {
			return decimal;
		}
		BigDecimal exact = new BigDecimal(value);
		for (int scale = 0; scale < decimal.scale(); scale++) {
			BigDecimal candidate = exact.setScale(scale, RoundingMode.HALF_EVEN);
			if (candidate.doubleValue() == value) {
				return candidate;
			}
		}
		return decimal;
	}

	/** The current row's values, by type, as parquet-java's converters hand them over; reused from row to row. */
	private static final class Row {

		final PrimitiveType[] types;

		final boolean[] present;

		final long[] longs;

		final double[] doubles;

		final Binary[] binaries;

		private final RecordMaterializer<Row> materializer;

		Row(MessageType projection) {
			int count = projection.getFieldCount();
			this.types = new PrimitiveType[count];
			this.present = new boolean[count];
			this.longs = new long[count];
			this.doubles = new double[count];
			this.binaries = new Binary[count];
			Converter[] converters = new Converter[count];
			for (int i = 0; i < count; i++) {
				this.types[i] = projection.getType(i).asPrimitiveType();
				converters[i] = new Slot(i);
			}
			GroupConverter root = new GroupConverter() {

				@Override
				public Converter getConverter(int fieldIndex) {
					return converters[fieldIndex];
				}

				@Override
				public void start() {
					java.util.Arrays.fill(Row.this.present, false);
				}

				@Override
				public void end() {
				}

			};
			this.materializer = new RecordMaterializer<>() {

				@Override
				public Row getCurrentRecord() {
					return Row.this;
				}

				@Override
				public GroupConverter getRootConverter() {
					return root;
				}

			};
		}

		RecordMaterializer<Row> materializer() {
			return this.materializer;
		}

		private final class Slot extends PrimitiveConverter {

			private final int field;

			Slot(int field) {
				this.field = field;
			}

			@Override
			public void addInt(int value) {
				Row.this.longs[this.field] = value;
				Row.this.present[this.field] = true;
			}

			@Override
			public void addLong(long value) {
				Row.this.longs[this.field] = value;
				Row.this.present[this.field] = true;
			}

			@Override
			public void addDouble(double value) {
				Row.this.doubles[this.field] = value;
				Row.this.present[this.field] = true;
			}

			@Override
			public void addFloat(float value) {
				// A float amount is the decimal it was written as, not the float's binary expansion.
				Row.this.doubles[this.field] = Double.parseDouble(Float.toString(value));
				Row.this.present[this.field] = true;
			}

			@Override
			public void addBinary(Binary value) {
				Row.this.binaries[this.field] = value;
				Row.this.present[this.field] = true;
			}

		}

	}

}
