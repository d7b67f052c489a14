package io.ridestream.producer.replay;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Small hand-made ride CSVs.
 */
final class TestCsv {

	static final String HEADER = "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,"
			+ "trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,"
			+ "mta_tax,tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge";

	private static final DateTimeFormatter PICKUP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private TestCsv() {
	}

	/** A valid ride picked up at this time ({@code yyyy-MM-dd HH:mm:ss}). */
	static String ride(String pickup) {
		return "1," + pickup + "," + pickup + ",1,1.50,1,N,238,75,2,8,0.5,0.5,0,0,0.3,9.3,0";
	}

	/** The header, then this many valid rides, picked up one second apart from 2020-07-01 00:00:00. */
	static String rides(int count) {
		LocalDateTime first = LocalDateTime.of(2020, 7, 1, 0, 0);
		return csv(IntStream.range(0, count)
			.mapToObj((i) -> ride(PICKUP.format(first.plusSeconds(i))))
			.toArray(String[]::new));
	}

	/** The header, then these rows, one per line. */
	static String csv(String... rows) {
		return HEADER + "\n" + Arrays.stream(rows).map((row) -> row + "\n").collect(Collectors.joining());
	}

}
