package io.ridestream.benchmark.streams;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields of a ride's JSON (as {@code RideSerializer} writes it) that the statistics need, read by Jackson
 * the way a Kafka Streams user maps a topic's JSON to a small class of their own; every other field is ignored.
 * Amounts are exact decimals (Jackson reads a JSON number into a {@link BigDecimal} from its text).
 *
 * @param vendorId {@code VendorID}, null for FHV trips and blank vendors
 * @param pickupTime {@code tpep_pickup_datetime}, New York local time
 * @param passengerCount {@code passenger_count}
 * @param tripDistance {@code trip_distance} in miles
 * @param pickupLocationId {@code PULocationID}, also the record key
 * @param paymentType {@code payment_type}
 * @param fareAmount {@code fare_amount}
 * @param tipAmount {@code tip_amount}
 * @param totalAmount {@code total_amount}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeerRide(
		@JsonProperty("VendorID") Integer vendorId,
		@JsonProperty("tpep_pickup_datetime") LocalDateTime pickupTime,
		@JsonProperty("passenger_count") Integer passengerCount,
		@JsonProperty("trip_distance") BigDecimal tripDistance,
		@JsonProperty("PULocationID") Integer pickupLocationId,
		@JsonProperty("payment_type") Integer paymentType,
		@JsonProperty("fare_amount") BigDecimal fareAmount,
		@JsonProperty("tip_amount") BigDecimal tipAmount,
		@JsonProperty("total_amount") BigDecimal totalAmount) {
}
