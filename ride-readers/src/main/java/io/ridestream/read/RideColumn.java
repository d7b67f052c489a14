package io.ridestream.read;

import java.util.Locale;

import io.ridestream.model.Dataset;

/**
 * The columns of the TLC's trip record files, with the name each dataset's files give them (matched in any case),
 * and the name of the ride's field on the wire. A column a dataset does not have has no name there.
 */
public enum RideColumn {

	VENDOR_ID("VendorID", "VendorID", "VendorID", null, Need.OPTIONAL),
	PICKUP_DATETIME("tpep_pickup_datetime", "tpep_pickup_datetime", "lpep_pickup_datetime", "pickup_datetime",
			Need.REQUIRED),
	DROPOFF_DATETIME("tpep_dropoff_datetime", "tpep_dropoff_datetime", "lpep_dropoff_datetime", "dropOff_datetime",
			Need.REQUIRED),
	PASSENGER_COUNT("passenger_count", "passenger_count", "passenger_count", null, Need.OPTIONAL),
	TRIP_DISTANCE("trip_distance", "trip_distance", "trip_distance", null, Need.TAXI),
	RATECODE_ID("RatecodeID", "RatecodeID", "RatecodeID", null, Need.OPTIONAL),
	STORE_AND_FWD_FLAG("store_and_fwd_flag", "store_and_fwd_flag", "store_and_fwd_flag", null, Need.OPTIONAL),
	PICKUP_LOCATION_ID("PULocationID", "PULocationID", "PULocationID", "PUlocationID", Need.TAXI),
	DROPOFF_LOCATION_ID("DOLocationID", "DOLocationID", "DOLocationID", "DOlocationID", Need.TAXI),
	PAYMENT_TYPE("payment_type", "payment_type", "payment_type", null, Need.OPTIONAL),
	FARE_AMOUNT("fare_amount", "fare_amount", "fare_amount", null, Need.TAXI),
	EXTRA("extra", "extra", "extra", null, Need.TAXI),
	MTA_TAX("mta_tax", "mta_tax", "mta_tax", null, Need.TAXI),
	TIP_AMOUNT("tip_amount", "tip_amount", "tip_amount", null, Need.TAXI),
	TOLLS_AMOUNT("tolls_amount", "tolls_amount", "tolls_amount", null, Need.TAXI),
	IMPROVEMENT_SURCHARGE("improvement_surcharge", "improvement_surcharge", "improvement_surcharge", null, Need.TAXI),
	TOTAL_AMOUNT("total_amount", "total_amount", "total_amount", null, Need.TAXI),
	CONGESTION_SURCHARGE("congestion_surcharge", "congestion_surcharge", "congestion_surcharge", null, Need.OPTIONAL),
	AIRPORT_FEE("airport_fee", "airport_fee", null, null, Need.OPTIONAL),
	CBD_CONGESTION_FEE("cbd_congestion_fee", "cbd_congestion_fee", "cbd_congestion_fee", null, Need.OPTIONAL),
	EHAIL_FEE("ehail_fee", null, "ehail_fee", null, Need.OPTIONAL),
	TRIP_TYPE("trip_type", null, "trip_type", null, Need.OPTIONAL),
	DISPATCHING_BASE_NUM("dispatching_base_num", null, null, "dispatching_base_num", Need.REQUIRED),
	SR_FLAG("SR_Flag", null, null, "SR_Flag", Need.OPTIONAL),
	AFFILIATED_BASE_NUMBER("Affiliated_base_number", null, null, "Affiliated_base_number", Need.OPTIONAL);

	/** Whether a row needs a value in the column: always, in taxi datasets only (FHV trips have none), or never. */
	private enum Need {
		REQUIRED, TAXI, OPTIONAL
	}

	private final String wireName;

	private final String[] headers;

	private final Need need;

	RideColumn(String wireName, String yellow, String green, String fhv, Need need) {
		this.wireName = wireName;
		this.headers = new String[] { yellow, green, fhv };
		this.need = need;
	}

	/** The ride's field on the wire, which is also the column's name in yellow files. */
	public String wireName() {
		return this.wireName;
	}

	/** The column's name in the dataset's files, or null if its files do not have it. */
	public String header(Dataset dataset) {
		return this.headers[dataset.ordinal()];
	}

	/** Whether every row of the dataset must have a value here; the TLC leaves the others empty in some files. */
	public boolean requiredIn(Dataset dataset) {
		return header(dataset) != null && (this.need == Need.REQUIRED || (this.need == Need.TAXI && dataset.hasFares()));
	}

	/**
	 * The dataset whose files have these column names, told by the pickup time's column (the base number's for FHV).
	 * @return null if the names are of none
	 */
	public static Dataset datasetOf(Iterable<String> names) {
		for (String name : names) {
			String normalized = name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
			for (Dataset dataset : Dataset.values()) {
				if (normalized.equalsIgnoreCase(PICKUP_DATETIME.header(dataset))
						|| (dataset == Dataset.FHV && normalized.equalsIgnoreCase(DISPATCHING_BASE_NUM.header(dataset)))) {
					return dataset;
				}
			}
		}
		return null;
	}

	/** What {@link #datasetOf} looks for, for messages. */
	static String datasetColumns() {
		return "tpep_pickup_datetime (yellow), lpep_pickup_datetime (green) or dispatching_base_num (fhv)";
	}

}
