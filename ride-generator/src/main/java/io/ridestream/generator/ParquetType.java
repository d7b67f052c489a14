package io.ridestream.generator;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * How a Parquet column stores its values: the physical types and annotations seen in the TLC's files. Every
 * column is optional, as in theirs.
 */
enum ParquetType {

	INT32,
	INT64,
	DOUBLE,
	/** Local time (isAdjustedToUTC=false) in microseconds in an INT64, as pyarrow writes a naive timestamp. */
	TIMESTAMP_MICROS,
	/** Local time (isAdjustedToUTC=false) in nanoseconds in an INT64: reaches only the year 2262. */
	TIMESTAMP_NANOS,
	/** UTF-8 text: BINARY with the STRING annotation. */
	STRING;

	PrimitiveType column(String name) {
		return switch (this) {
			case INT32 -> Types.optional(PrimitiveTypeName.INT32).named(name);
			case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(name);
			case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
			case TIMESTAMP_MICROS -> Types.optional(PrimitiveTypeName.INT64)
				.as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS))
				.named(name);
			case TIMESTAMP_NANOS -> Types.optional(PrimitiveTypeName.INT64)
				.as(LogicalTypeAnnotation.timestampType(false, TimeUnit.NANOS))
				.named(name);
			case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
		};
	}

}
