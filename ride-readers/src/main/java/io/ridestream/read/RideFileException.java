package io.ridestream.read;

/**
 * A file that cannot be read as TLC trips at all: it is empty, it is not CSV or Parquet, or its header (its Parquet
 * schema) names no TLC dataset or lacks a column the dataset requires. Rows that are not rides are rejected one by
 * one instead ({@link RideRow.Rejected}).
 */
public class RideFileException extends RuntimeException {

	public RideFileException(String message) {
		super(message);
	}

	public RideFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
