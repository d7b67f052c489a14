package io.ridestream.producer.replay;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Small hand-made ride CSVs.
 */
final class TestCsv {

	static final String HEADER = "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,"
			+ "trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,"
			+ "mta_tax,tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge";

	private TestCsv() {
	}

	/** A valid ride picked up at this time ({@code yyyy-MM-dd HH:mm:ss}). */
	static String ride(String pickup) {
		return "1," + pickup + "," + pickup + ",1,1.50,1,N,238,75,2,8,0.5,0.5,0,0,0.3,9.3,0";
	}

	/** The header, then these rows, one per line. */
	static String csv(String... rows) {
		return HEADER + "\n" + Arrays.stream(rows).map((row) -> row + "\n").collect(Collectors.joining());
	}

}
