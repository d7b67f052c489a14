package io.ridestream.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.ridestream.model.Dataset;

import static io.ridestream.generator.ParquetType.DOUBLE;
import static io.ridestream.generator.ParquetType.INT32;
import static io.ridestream.generator.ParquetType.INT64;
import static io.ridestream.generator.ParquetType.STRING;

/**
 * The columns of a year's TLC files and how their Parquet files store them, for each dataset, with the fees of
 * that year. The same column changes its physical type from one year to the next (e.g. {@code passenger_count} a
 * DOUBLE until January 2023, an INT64 since), and even its name's case ({@code airport_fee}, then
 * {@code Airport_fee}), so a reader has to match names without case and accept any numeric type.
 */
public enum Layout {

	/** The course's CSV backups of 2019 and 2020: no airport fee yet; the layout of the services' sample. */
	YEAR_2019(2019),

	/** As 2019, plus {@code airport_fee}. */
	YEAR_2021(2021),

	/** Since February 2023: {@code Airport_fee}; counts as INT64, ids as INT32. */
	YEAR_2023(2023),

	/** As 2023, plus {@code cbd_congestion_fee}, and timestamps in nanoseconds. */
	YEAR_2025(2025);

	private static final long CONGESTION_SURCHARGE_CENTS = 250;

	private final int year;

	Layout(int year) {
		this.year = year;
	}

	public int year() {
		return this.year;
	}

	/**
	 * @throws IllegalArgumentException naming the years there are layouts for
	 */
	public static Layout ofYear(int year) {
		for (Layout layout : values()) {
			if (layout.year == year) {
				return layout;
			}
		}
		throw new IllegalArgumentException("layout must be one of the years "
				+ Arrays.stream(values()).map((layout) -> String.valueOf(layout.year)).collect(Collectors.joining(", "))
				+ ", was " + year);
	}

	/** The dataset's columns in the order of that year's files. */
	List<Column> columns(Dataset dataset) {
		return switch (dataset) {
			case YELLOW -> yellow();
			case GREEN -> green();
			case FHV -> fhv();
		};
	}

	/** The improvement surcharge: 30 cents, a dollar since the fare increase of December 2022. */
	long improvementSurchargeCents() {
		return (this.year >= 2023) ? 100 : 30;
	}

	long congestionSurchargeCents() {
		return CONGESTION_SURCHARGE_CENTS;
	}

	/** The fee of yellow-taxi pickups at LaGuardia and JFK, or 0 in the years without the column. */
	long airportFeeCents(Dataset dataset) {
		if (dataset != Dataset.YELLOW || this.year < 2021) {
			return 0;
		}
		return (this.year >= 2023) ? 175 : 125;
	}

	/** The fee of trips in Manhattan's congestion relief zone since January 2025, or 0 before. */
	long cbdCongestionFeeCents(Dataset dataset) {
		return (dataset.hasFares() && this.year >= 2025) ? 75 : 0;
	}

	/** The type of the pickup and dropoff times. */
	ParquetType timestampType() {
		return (this.year >= 2025) ? ParquetType.TIMESTAMP_NANOS : ParquetType.TIMESTAMP_MICROS;
	}

	private List<Column> yellow() {
		boolean newer = this.year >= 2023;
		ParquetType id = newer ? INT32 : INT64;
		ParquetType count = newer ? INT64 : DOUBLE;
		List<Column> columns = new ArrayList<>();
		columns.add(taxi("VendorID", Field.VENDOR_ID, id));
		columns.add(taxi("tpep_pickup_datetime", Field.PICKUP_TIME, timestampType()));
		columns.add(taxi("tpep_dropoff_datetime", Field.DROPOFF_TIME, timestampType()));
		columns.add(taxi("passenger_count", Field.PASSENGER_COUNT, count));
		columns.add(taxi("trip_distance", Field.TRIP_DISTANCE, DOUBLE));
		columns.add(taxi("RatecodeID", Field.RATECODE_ID, count));
		columns.add(taxi("store_and_fwd_flag", Field.STORE_AND_FWD_FLAG, STRING));
		columns.add(taxi("PULocationID", Field.PICKUP_LOCATION_ID, id));
		columns.add(taxi("DOLocationID", Field.DROPOFF_LOCATION_ID, id));
		columns.add(taxi("payment_type", Field.PAYMENT_TYPE, INT64));
		columns.add(taxi("fare_amount", Field.FARE_AMOUNT, DOUBLE));
		columns.add(taxi("extra", Field.EXTRA, DOUBLE));
		columns.add(taxi("mta_tax", Field.MTA_TAX, DOUBLE));
		columns.add(taxi("tip_amount", Field.TIP_AMOUNT, DOUBLE));
		columns.add(taxi("tolls_amount", Field.TOLLS_AMOUNT, DOUBLE));
		columns.add(taxi("improvement_surcharge", Field.IMPROVEMENT_SURCHARGE, DOUBLE));
		columns.add(taxi("total_amount", Field.TOTAL_AMOUNT, DOUBLE));
		columns.add(taxi("congestion_surcharge", Field.CONGESTION_SURCHARGE, DOUBLE));
		if (this.year >= 2021) {
			columns.add(taxi(newer ? "Airport_fee" : "airport_fee", Field.AIRPORT_FEE, DOUBLE));
		}
		if (this.year >= 2025) {
			columns.add(taxi("cbd_congestion_fee", Field.CBD_CONGESTION_FEE, DOUBLE));
		}
		return List.copyOf(columns);
	}

	private List<Column> green() {
		boolean newer = this.year >= 2023;
		ParquetType id = newer ? INT32 : INT64;
		ParquetType count = newer ? INT64 : DOUBLE;
		List<Column> columns = new ArrayList<>();
		columns.add(taxi("VendorID", Field.VENDOR_ID, id));
		columns.add(taxi("lpep_pickup_datetime", Field.PICKUP_TIME, timestampType()));
		columns.add(taxi("lpep_dropoff_datetime", Field.DROPOFF_TIME, timestampType()));
		columns.add(taxi("store_and_fwd_flag", Field.STORE_AND_FWD_FLAG, STRING));
		columns.add(taxi("RatecodeID", Field.RATECODE_ID, count));
		columns.add(taxi("PULocationID", Field.PICKUP_LOCATION_ID, id));
		columns.add(taxi("DOLocationID", Field.DROPOFF_LOCATION_ID, id));
		columns.add(taxi("passenger_count", Field.PASSENGER_COUNT, count));
		columns.add(taxi("trip_distance", Field.TRIP_DISTANCE, DOUBLE));
		columns.add(taxi("fare_amount", Field.FARE_AMOUNT, DOUBLE));
		columns.add(taxi("extra", Field.EXTRA, DOUBLE));
		columns.add(taxi("mta_tax", Field.MTA_TAX, DOUBLE));
		columns.add(taxi("tip_amount", Field.TIP_AMOUNT, DOUBLE));
		columns.add(taxi("tolls_amount", Field.TOLLS_AMOUNT, DOUBLE));
		columns.add(taxi("ehail_fee", Field.EHAIL_FEE, DOUBLE));
		columns.add(taxi("improvement_surcharge", Field.IMPROVEMENT_SURCHARGE, DOUBLE));
		columns.add(taxi("total_amount", Field.TOTAL_AMOUNT, DOUBLE));
		columns.add(taxi("payment_type", Field.PAYMENT_TYPE, count));
		columns.add(taxi("trip_type", Field.TRIP_TYPE, count));
		columns.add(taxi("congestion_surcharge", Field.CONGESTION_SURCHARGE, DOUBLE));
		if (this.year >= 2025) {
			columns.add(taxi("cbd_congestion_fee", Field.CBD_CONGESTION_FEE, DOUBLE));
		}
		return List.copyOf(columns);
	}

	private List<Column> fhv() {
		return List.of(new Column("dispatching_base_num", Field.DISPATCHING_BASE, STRING, true),
				new Column("pickup_datetime", Field.PICKUP_TIME, timestampType(), true),
				new Column("dropOff_datetime", Field.DROPOFF_TIME, timestampType(), true),
				new Column("PUlocationID", Field.PICKUP_LOCATION_ID, DOUBLE, false),
				new Column("DOlocationID", Field.DROPOFF_LOCATION_ID, DOUBLE, false),
				new Column("SR_Flag", Field.SHARED_RIDE_FLAG, INT32, false),
				new Column("Affiliated_base_number", Field.AFFILIATED_BASE, STRING, false));
	}

	private static Column taxi(String name, Field field, ParquetType type) {
		return new Column(name, field, type, field.requiredInTaxiRecords());
	}

}
