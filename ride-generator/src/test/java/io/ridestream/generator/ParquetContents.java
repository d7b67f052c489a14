package io.ridestream.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file read back with parquet-java's own reader, its values rendered as text to compare with CSV.
 *
 * @param schema the file's schema
 * @param rowGroups the number of row groups
 * @param rows the rows, each as text: a null as an empty string, a timestamp as {@code yyyy-MM-dd HH:mm:ss}, a
 * number in plain digits without trailing zeros
 */
record ParquetContents(MessageType schema, int rowGroups, List<List<String>> rows) {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	static ParquetContents read(Path file) {
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			MessageType schema = reader.getFooter().getFileMetaData().getSchema();
			MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
			List<List<String>> rows = new ArrayList<>();
			int rowGroups = 0;
			for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
				rowGroups++;
				RecordReader<Group> records = columns.getRecordReader(pages, new GroupRecordConverter(schema));
				for (long i = 0; i < pages.getRowCount(); i++) {
					rows.add(text(records.read(), schema));
				}
			}
			return new ParquetContents(schema, rowGroups, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The columns as {@code name TYPE}, e.g. {@code VendorID INT32} or {@code pickup_datetime TIMESTAMP(MICROS)}. */
	List<String> columnTypes() {
		return this.schema.getFields().stream().map((field) -> field.getName() + " " + typeName(field)).toList();
	}

	/** A number of a CSV file as the rows here render it: plain digits, no trailing zeros. */
	static String plainNumber(String csvField) {
		return csvField.isEmpty() ? "" : new BigDecimal(csvField).stripTrailingZeros().toPlainString();
	}

	private static String typeName(Type field) {
		PrimitiveType type = field.asPrimitiveType();
		LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
		if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
			return "TIMESTAMP(" + timestamp.getUnit() + (timestamp.isAdjustedToUTC() ? ", UTC" : "") + ")";
		}
		if (annotation != null) {
			return annotation.toString();
		}
		return type.getPrimitiveTypeName().name();
	}

	private static List<String> text(Group row, MessageType schema) {
		List<String> values = new ArrayList<>();
		for (int i = 0; i < schema.getFieldCount(); i++) {
			values.add((row.getFieldRepetitionCount(i) == 0) ? "" : text(row, i, schema.getType(i).asPrimitiveType()));
		}
		return values;
	}

	private static String text(Group row, int field, PrimitiveType type) {
		if (type.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation timestamp) {
			long value = row.getLong(field, 0);
			long perSecond = switch (timestamp.getUnit()) {
				case MILLIS -> 1_000L;
				case MICROS -> 1_000_000L;
				case NANOS -> 1_000_000_000L;
			};
			return LocalDateTime.ofEpochSecond(Math.floorDiv(value, perSecond), 0, ZoneOffset.UTC).format(TIMESTAMP);
		}
		return switch (type.getPrimitiveTypeName()) {
			case INT32 -> String.valueOf(row.getInteger(field, 0));
			case INT64 -> String.valueOf(row.getLong(field, 0));
			case DOUBLE -> BigDecimal.valueOf(row.getDouble(field, 0)).stripTrailingZeros().toPlainString();
			case BINARY -> row.getString(field, 0);
			default -> throw new IllegalArgumentException("Unexpected type " + type);
		};
	}

}
