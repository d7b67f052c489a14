package io.ridestream.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One NYC trip from the TLC's trip records: a yellow or green taxi ride, or a for-hire vehicle (FHV) trip.
 *
 * <p>On the wire (see {@link RideJson}) each field keeps its TLC column name, so a ride reads the same in the file,
 * in Kafka and in the TLC data dictionary. Two exceptions make one shape for every dataset: the pickup and drop-off
 * times are {@code tpep_pickup_datetime} and {@code tpep_dropoff_datetime} whatever the file called them
 * ({@code lpep_...} in green files, {@code pickup_datetime} and {@code dropOff_datetime} in FHV files), and the
 * location ids are {@code PULocationID} and {@code DOLocationID} (FHV files spell them {@code PUlocationID}), so a
 * reader of the first version of the schema reads every ride's times and places. {@code dataset} says which file
 * the ride came from; rides without it (the first version) are yellow.
 *
 * <p>Timestamps are New York local time, as the TLC publishes them. Every field but the two times may be null in
 * some dataset: taxi rides need their distance, locations and the seven amounts of the first version, FHV trips
 * their dispatching base. Fields added after the first version are left out of the JSON when null.
 */
@JsonPropertyOrder({ "dataset", "VendorID", "tpep_pickup_datetime", "tpep_dropoff_datetime", "passenger_count",
		"trip_distance", "RatecodeID", "store_and_fwd_flag", "PULocationID", "DOLocationID", "payment_type",
		"fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount", "improvement_surcharge", "total_amount",
		"congestion_surcharge", "airport_fee", "cbd_congestion_fee", "ehail_fee", "trip_type",
		"dispatching_base_num", "SR_Flag", "Affiliated_base_number" })
public record Ride(
		@JsonProperty("dataset") Dataset dataset,
		@JsonProperty("VendorID") Integer vendorId,
		@JsonProperty(value = "tpep_pickup_datetime", required = true) LocalDateTime pickupTime,
		@JsonProperty(value = "tpep_dropoff_datetime", required = true) LocalDateTime dropoffTime,
		@JsonProperty("passenger_count") Integer passengerCount,
		@JsonProperty("trip_distance") BigDecimal tripDistance,
		@JsonProperty("RatecodeID") Integer rateCodeId,
		@JsonProperty("store_and_fwd_flag") String storeAndForwardFlag,
		@JsonProperty("PULocationID") Integer pickupLocationId,
		@JsonProperty("DOLocationID") Integer dropoffLocationId,
		@JsonProperty("payment_type") Integer paymentType,
		@JsonProperty("fare_amount") BigDecimal fareAmount,
		@JsonProperty("extra") BigDecimal extra,
		@JsonProperty("mta_tax") BigDecimal mtaTax,
		@JsonProperty("tip_amount") BigDecimal tipAmount,
		@JsonProperty("tolls_amount") BigDecimal tollsAmount,
		@JsonProperty("improvement_surcharge") BigDecimal improvementSurcharge,
		@JsonProperty("total_amount") BigDecimal totalAmount,
		@JsonProperty("congestion_surcharge") BigDecimal congestionSurcharge,
		@JsonProperty("airport_fee") @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal airportFee,
		@JsonProperty("cbd_congestion_fee") @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal cbdCongestionFee,
		@JsonProperty("ehail_fee") @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal ehailFee,
		@JsonProperty("trip_type") @JsonInclude(JsonInclude.Include.NON_NULL) Integer tripType,
		@JsonProperty("dispatching_base_num") @JsonInclude(JsonInclude.Include.NON_NULL) String dispatchingBaseNumber,
		@JsonProperty("SR_Flag") @JsonInclude(JsonInclude.Include.NON_NULL) Integer sharedRideFlag,
		@JsonProperty("Affiliated_base_number") @JsonInclude(JsonInclude.Include.NON_NULL) String affiliatedBaseNumber) {

	/** Longer base numbers than this are not base numbers (the TLC's are six characters, like B00013). */
	static final int MAX_BASE_NUMBER_LENGTH = 16;

	public Ride {
		dataset = (dataset != null) ? dataset : Dataset.YELLOW;
		Objects.requireNonNull(pickupTime, "tpep_pickup_datetime is required");
		Objects.requireNonNull(dropoffTime, "tpep_dropoff_datetime is required");
		if (dataset.hasFares()) {
			Objects.requireNonNull(tripDistance, "trip_distance is required");
			Objects.requireNonNull(pickupLocationId, "PULocationID is required");
			Objects.requireNonNull(dropoffLocationId, "DOLocationID is required");
			Objects.requireNonNull(fareAmount, "fare_amount is required");
			Objects.requireNonNull(extra, "extra is required");
			Objects.requireNonNull(mtaTax, "mta_tax is required");
			Objects.requireNonNull(tipAmount, "tip_amount is required");
			Objects.requireNonNull(tollsAmount, "tolls_amount is required");
			Objects.requireNonNull(improvementSurcharge, "improvement_surcharge is required");
			Objects.requireNonNull(totalAmount, "total_amount is required");
		}
		else {
			Objects.requireNonNull(dispatchingBaseNumber, "dispatching_base_num is required");
		}
		Decimals.requireReasonableOrNull("trip_distance", tripDistance);
		Decimals.requireReasonableOrNull("fare_amount", fareAmount);
		Decimals.requireReasonableOrNull("extra", extra);
		Decimals.requireReasonableOrNull("mta_tax", mtaTax);
		Decimals.requireReasonableOrNull("tip_amount", tipAmount);
		Decimals.requireReasonableOrNull("tolls_amount", tollsAmount);
		Decimals.requireReasonableOrNull("improvement_surcharge", improvementSurcharge);
		Decimals.requireReasonableOrNull("total_amount", totalAmount);
		Decimals.requireReasonableOrNull("congestion_surcharge", congestionSurcharge);
		Decimals.requireReasonableOrNull("airport_fee", airportFee);
		Decimals.requireReasonableOrNull("cbd_congestion_fee", cbdCongestionFee);
		Decimals.requireReasonableOrNull("ehail_fee", ehailFee);
		if (storeAndForwardFlag != null && !storeAndForwardFlag.equals("Y") && !storeAndForwardFlag.equals("N")) {
			throw new IllegalArgumentException(
					"store_and_fwd_flag must be Y or N, was '" + Values.abbreviate(storeAndForwardFlag) + "'");
		}
		requireBaseNumber("dispatching_base_num", dispatchingBaseNumber);
		requireBaseNumber("Affiliated_base_number", affiliatedBaseNumber);
	}

	/**
	 * A yellow-taxi ride with the 18 columns of the first version of the schema, as in the TLC's yellow files
	 * before 2021.
	 */
	public Ride(Integer vendorId, LocalDateTime pickupTime, LocalDateTime dropoffTime, Integer passengerCount,
			BigDecimal tripDistance, Integer rateCodeId, String storeAndForwardFlag, Integer pickupLocationId,
			Integer dropoffLocationId, Integer paymentType, BigDecimal fareAmount, BigDecimal extra, BigDecimal mtaTax,
			BigDecimal tipAmount, BigDecimal tollsAmount, BigDecimal improvementSurcharge, BigDecimal totalAmount,
			BigDecimal congestionSurcharge) {
		this(Dataset.YELLOW, vendorId, pickupTime, dropoffTime, passengerCount, tripDistance, rateCodeId,
				storeAndForwardFlag, pickupLocationId, dropoffLocationId, paymentType, fareAmount, extra, mtaTax,
				tipAmount, tollsAmount, improvementSurcharge, totalAmount, congestionSurcharge, null, null, null, null,
				null, null, null);
	}

	private static void requireBaseNumber(String field, String value) {
		if (value != null && (value.isBlank() || value.length() > MAX_BASE_NUMBER_LENGTH
				|| !value.chars().allMatch((c) -> c > ' ' && c < 127))) {
			throw new IllegalArgumentException(field + " must be a base number like B00013, was '"
					+ Values.abbreviate(value) + "'");
		}
	}

}
