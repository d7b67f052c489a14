package io.ridestream.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A newer version of {@link Ride} for schema evolution tests: the same fields plus the optional {@code airport_fee}
 * that TLC files carry since 2021.
 */
@JsonPropertyOrder({ "VendorID", "tpep_pickup_datetime", "tpep_dropoff_datetime", "passenger_count",
		"trip_distance", "RatecodeID", "store_and_fwd_flag", "PULocationID", "DOLocationID", "payment_type",
		"fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount", "improvement_surcharge", "total_amount",
		"congestion_surcharge", "airport_fee" })
record RideWithAirportFee(
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
		@JsonProperty("congestion_surcharge") BigDecimal congestionSurcharge,
		@JsonProperty("airport_fee") BigDecimal airportFee) {

	static final String SCHEMA = RideSchema.generate(RideWithAirportFee.class, "Ride",
			"A ride with the airport fee of TLC files since 2021");

	static RideWithAirportFee of(Ride ride, BigDecimal airportFee) {
		return new RideWithAirportFee(ride.vendorId(), ride.pickupTime(), ride.dropoffTime(), ride.passengerCount(),
				ride.tripDistance(), ride.rateCodeId(), ride.storeAndForwardFlag(), ride.pickupLocationId(),
				ride.dropoffLocationId(), ride.paymentType(), ride.fareAmount(), ride.extra(), ride.mtaTax(),
				ride.tipAmount(), ride.tollsAmount(), ride.improvementSurcharge(), ride.totalAmount(),
				ride.congestionSurcharge(), airportFee);
	}

	Ride withoutAirportFee() {
		return new Ride(this.vendorId, this.pickupTime, this.dropoffTime, this.passengerCount, this.tripDistance,
				this.rateCodeId, this.storeAndForwardFlag, this.pickupLocationId, this.dropoffLocationId,
				this.paymentType, this.fareAmount, this.extra, this.mtaTax, this.tipAmount, this.tollsAmount,
				this.improvementSurcharge, this.totalAmount, this.congestionSurcharge);
	}

	/** How a consumer that knows the newer version is configured: by class name, as Kafka instantiates it. */
	public static class Deserializer extends JsonSchemaDeserializer<RideWithAirportFee> {

		public Deserializer() {
			super(RideWithAirportFee.class, SCHEMA);
		}

	}

	/** How a producer that knows the newer version is configured. */
	public static class Serializer extends JsonSchemaSerializer<RideWithAirportFee> {

		public Serializer() {
			super(SCHEMA);
		}

	}

}
