package io.ridestream.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One NYC yellow-taxi trip, with the 18 columns of the TLC trip record CSV.
 *
 * <p>On the wire (see {@link RideJson}) each field keeps the TLC column name, so a ride reads the same in the
 * CSV, in Kafka and in the TLC data dictionary. Timestamps are New York local time, as the TLC publishes them.
 * The five fields that real TLC files sometimes leave empty are nullable; every other field is required.
 */
@JsonPropertyOrder({ "VendorID", "tpep_pickup_datetime", "tpep_dropoff_datetime", "passenger_count",
		"trip_distance", "RatecodeID", "store_and_fwd_flag", "PULocationID", "DOLocationID", "payment_type",
		"fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount", "improvement_surcharge", "total_amount",
		"congestion_surcharge" })
public record Ride(
		@JsonProperty(value = "VendorID", required = true) int vendorId,
		@JsonProperty(value = "tpep_pickup_datetime", required = true) LocalDateTime pickupTime,
		@JsonProperty(value = "tpep_dropoff_datetime", required = true) LocalDateTime dropoffTime,
		@JsonProperty("passenger_count") Integer passengerCount,
		@JsonProperty(value = "trip_distance", required = true) BigDecimal tripDistance,
		@JsonProperty("RatecodeID") Integer rateCodeId,
		@JsonProperty("store_and_fwd_flag") String storeAndForwardFlag,
		@JsonProperty(value = "PULocationID", required = true) int pickupLocationId,
		@JsonProperty(value = "DOLocationID", required = true) int dropoffLocationId,
		@JsonProperty("payment_type") Integer paymentType,
		@JsonProperty(value = "fare_amount", required = true) BigDecimal fareAmount,
		@JsonProperty(value = "extra", required = true) BigDecimal extra,
		@JsonProperty(value = "mta_tax", required = true) BigDecimal mtaTax,
		@JsonProperty(value = "tip_amount", required = true) BigDecimal tipAmount,
		@JsonProperty(value = "tolls_amount", required = true) BigDecimal tollsAmount,
		@JsonProperty(value = "improvement_surcharge", required = true) BigDecimal improvementSurcharge,
		@JsonProperty(value = "total_amount", required = true) BigDecimal totalAmount,
		@JsonProperty("congestion_surcharge") BigDecimal congestionSurcharge) {

	public Ride {
		Objects.requireNonNull(pickupTime, "tpep_pickup_datetime is required");
		Objects.requireNonNull(dropoffTime, "tpep_dropoff_datetime is required");
		Objects.requireNonNull(tripDistance, "trip_distance is required");
		Objects.requireNonNull(fareAmount, "fare_amount is required");
		Objects.requireNonNull(extra, "extra is required");
		Objects.requireNonNull(mtaTax, "mta_tax is required");
		Objects.requireNonNull(tipAmount, "tip_amount is required");
		Objects.requireNonNull(tollsAmount, "tolls_amount is required");
		Objects.requireNonNull(improvementSurcharge, "improvement_surcharge is required");
		Objects.requireNonNull(totalAmount, "total_amount is required");
		Decimals.requireReasonable("trip_distance", tripDistance);
		Decimals.requireReasonable("fare_amount", fareAmount);
		Decimals.requireReasonable("extra", extra);
		Decimals.requireReasonable("mta_tax", mtaTax);
		Decimals.requireReasonable("tip_amount", tipAmount);
		Decimals.requireReasonable("tolls_amount", tollsAmount);
		Decimals.requireReasonable("improvement_surcharge", improvementSurcharge);
		Decimals.requireReasonable("total_amount", totalAmount);
		if (congestionSurcharge != null) {
			Decimals.requireReasonable("congestion_surcharge", congestionSurcharge);
		}
		if (storeAndForwardFlag != null && !storeAndForwardFlag.equals("Y") && !storeAndForwardFlag.equals("N")) {
			throw new IllegalArgumentException(
					"store_and_fwd_flag must be Y or N, was '" + Values.abbreviate(storeAndForwardFlag) + "'");
		}
	}

}
