package io.ridestream.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ridestream.model.Ride;

/**
 * The ride as the first version of its schema had it, yellow taxis only, for schema evolution tests: what producers
 * and consumers deployed before green and FHV trips write and read.
 */
@JsonPropertyOrder({ "VendorID", "tpep_pickup_datetime", "tpep_dropoff_datetime", "passenger_count",
		"trip_distance", "RatecodeID", "store_and_fwd_flag", "PULocationID", "DOLocationID", "payment_type",
		"fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount", "improvement_surcharge", "total_amount",
		"congestion_surcharge" })
record RideVersion1(
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

	/** The schema's first version, as producers registered it (RideSchemaTest checks the fixture is it). */
	static final String SCHEMA = readVersion1();

	private static String readVersion1() {
		try {
			return Files.readString(RideSchemaTest.VERSION_1, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RideVersion1 of(Ride ride) {
		return new RideVersion1(ride.vendorId(), ride.pickupTime(), ride.dropoffTime(), ride.passengerCount(),
				ride.tripDistance(), ride.rateCodeId(), ride.storeAndForwardFlag(), ride.pickupLocationId(),
				ride.dropoffLocationId(), ride.paymentType(), ride.fareAmount(), ride.extra(), ride.mtaTax(),
				ride.tipAmount(), ride.tollsAmount(), ride.improvementSurcharge(), ride.totalAmount(),
				ride.congestionSurcharge());
	}

	Ride toRide() {
		return new Ride(this.vendorId, this.pickupTime, this.dropoffTime, this.passengerCount, this.tripDistance,
				this.rateCodeId, this.storeAndForwardFlag, this.pickupLocationId, this.dropoffLocationId,
				this.paymentType, this.fareAmount, this.extra, this.mtaTax, this.tipAmount, this.tollsAmount,
				this.improvementSurcharge, this.totalAmount, this.congestionSurcharge);
	}

	/** How a consumer deployed before version 2 is configured: by class name, as Kafka instantiates it. */
	public static class Deserializer extends JsonSchemaDeserializer<RideVersion1> {

		public Deserializer() {
			super(RideVersion1.class, SCHEMA);
		}

	}

	/** How a producer deployed before version 2 is configured. */
	public static class Serializer extends JsonSchemaSerializer<RideVersion1> {

		public Serializer() {
			super(SCHEMA);
		}

	}

}
