package io.ridestream.read;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;

/**
 * Turns one row of a TLC file into a ride, the same way for every format: the step the CSV and Parquet readers
 * share once they have found a row's values. A row without a value its dataset requires is rejected, naming the
 * column as the file names it.
 */
final class RideRowMapping {

	private RideRowMapping() {
	}

	/**
	 * @throws IllegalArgumentException saying why the row is not a ride
	 */
	static Ride ride(Dataset dataset, RowValues row) {
		Mapped values = new Mapped(dataset, row);
		return new Ride(dataset,
				values.integer(RideColumn.VENDOR_ID),
				values.timestamp(RideColumn.PICKUP_DATETIME),
				values.timestamp(RideColumn.DROPOFF_DATETIME),
				values.integer(RideColumn.PASSENGER_COUNT),
				values.decimal(RideColumn.TRIP_DISTANCE),
				values.integer(RideColumn.RATECODE_ID),
				values.text(RideColumn.STORE_AND_FWD_FLAG),
				values.integer(RideColumn.PICKUP_LOCATION_ID),
				values.integer(RideColumn.DROPOFF_LOCATION_ID),
				values.integer(RideColumn.PAYMENT_TYPE),
				values.decimal(RideColumn.FARE_AMOUNT),
				values.decimal(RideColumn.EXTRA),
				values.decimal(RideColumn.MTA_TAX),
				values.decimal(RideColumn.TIP_AMOUNT),
				values.decimal(RideColumn.TOLLS_AMOUNT),
				values.decimal(RideColumn.IMPROVEMENT_SURCHARGE),
				values.decimal(RideColumn.TOTAL_AMOUNT),
				values.decimal(RideColumn.CONGESTION_SURCHARGE),
				values.decimal(RideColumn.AIRPORT_FEE),
				values.decimal(RideColumn.CBD_CONGESTION_FEE),
				values.decimal(RideColumn.EHAIL_FEE),
				values.integer(RideColumn.TRIP_TYPE),
				values.text(RideColumn.DISPATCHING_BASE_NUM),
				values.integer(RideColumn.SR_FLAG),
				values.text(RideColumn.AFFILIATED_BASE_NUMBER));
	}

	/** The row's values, each checked against what the dataset requires. */
	private record Mapped(Dataset dataset, RowValues row) {

		String text(RideColumn column) {
			return required(column, this.row.text(column));
		}

		Integer integer(RideColumn column) {
			return required(column, this.row.integer(column));
		}

		BigDecimal decimal(RideColumn column) {
			return required(column, this.row.decimal(column));
		}

		LocalDateTime timestamp(RideColumn column) {
			return required(column, this.row.timestamp(column));
		}

		private <T> T required(RideColumn column, T value) {
			if (value == null && column.requiredIn(this.dataset)) {
				throw new IllegalArgumentException(column.header(this.dataset) + ": missing required value");
			}
			return value;
		}

	}

}
