package io.ridestream.model;

/**
 * The columns of a TLC yellow-taxi trip CSV, by their header names, in the order the TLC publishes them.
 */
public enum RideColumn {

	VENDOR_ID("VendorID", true),
	PICKUP_DATETIME("tpep_pickup_datetime", true),
	DROPOFF_DATETIME("tpep_dropoff_datetime", true),
	PASSENGER_COUNT("passenger_count", false),
	TRIP_DISTANCE("trip_distance", true),
	RATECODE_ID("RatecodeID", false),
	STORE_AND_FWD_FLAG("store_and_fwd_flag", false),
	PICKUP_LOCATION_ID("PULocationID", true),
	DROPOFF_LOCATION_ID("DOLocationID", true),
	PAYMENT_TYPE("payment_type", false),
	FARE_AMOUNT("fare_amount", true),
	EXTRA("extra", true),
	MTA_TAX("mta_tax", true),
	TIP_AMOUNT("tip_amount", true),
	TOLLS_AMOUNT("tolls_amount", true),
	IMPROVEMENT_SURCHARGE("improvement_surcharge", true),
	TOTAL_AMOUNT("total_amount", true),
	CONGESTION_SURCHARGE("congestion_surcharge", false);

	private final String header;

	private final boolean required;

	RideColumn(String header, boolean required) {
		this.header = header;
		this.required = required;
	}

	/** The column's name in the CSV header, which is also the field's name in a ride's JSON. */
	public String header() {
		return this.header;
	}

	/** Whether a ride must have a value here; the TLC leaves the others empty in some files. */
	public boolean required() {
		return this.required;
	}

}
