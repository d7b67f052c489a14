package io.ridestream.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Opens a Parquet writer of trips on a local file, without Hadoop's file system: Snappy-compressed as the TLC's
 * files, in row groups of a bounded number of rows so that a month of rides takes bounded memory.
 */
final class ParquetTrips {

	/** As pyarrow bounds them: 1 Mi rows, about 16 MB of a yellow-taxi file. */
	static final int ROW_GROUP_ROWS = 1 << 20;

	/** A bound in bytes too, for the wider rows. */
	static final long ROW_GROUP_BYTES = 64L * 1024 * 1024;

	private ParquetTrips() {
	}

	static ParquetWriter<Trip> open(Path file, List<Column> columns) throws IOException {
		return new Builder(new LocalOutputFile(file), new TripWriteSupport(columns))
			.withConf(new PlainParquetConfiguration())
			.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
			.withCompressionCodec(CompressionCodecName.SNAPPY)
			.withRowGroupRowCountLimit(ROW_GROUP_ROWS)
			.withRowGroupSize(ROW_GROUP_BYTES)
			.build();
	}

	private static final class Builder extends ParquetWriter.Builder<Trip, Builder> {

		private final TripWriteSupport writeSupport;

		Builder(OutputFile file, TripWriteSupport writeSupport) {
			super(file);
			this.writeSupport = writeSupport;
		}

		@Override
		protected Builder self() {
			return this;
		}

		@Override
		protected WriteSupport<Trip> getWriteSupport(Configuration configuration) {
			return this.writeSupport;
		}

		@Override
		protected WriteSupport<Trip> getWriteSupport(ParquetConfiguration configuration) {
			return this.writeSupport;
		}

	}

}
