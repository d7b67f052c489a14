package io.ridestream.benchmark.streams;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Counts and exact sums over rides: the value the peer keeps per pickup location in its state store (as JSON),
 * and, summed over the locations, its totals. The figures of ride-consumer-service's {@code RideAggregate} that
 * the benchmark compares (not its drop-offs per location, first and last pickup or datasets; see the benchmark's
 * README), with the same keys for rides without a vendor or payment type ({@value #UNKNOWN}). Immutable by use: {@link #plus} makes new maps, the counts in code
 * order (the order of their JSON).
 *
 * @param rides rides counted
 * @param passengers the sum of the passenger counts given
 * @param totalAmount the sum of {@code total_amount}
 * @param totalFare the sum of {@code fare_amount}
 * @param totalTips the sum of {@code tip_amount}
 * @param totalDistance the sum of {@code trip_distance}
 * @param ridesByVendor rides per vendor code
 * @param ridesByPaymentType rides per payment type code
 */
public record RideStats(long rides, long passengers,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalFare,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalTips,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalDistance,
		Map<String, Long> ridesByVendor, Map<String, Long> ridesByPaymentType) {

	/** The vendor and payment type of rides that give none, as the service counts them. */
	public static final String UNKNOWN = "unknown";

	public RideStats {
		Objects.requireNonNull(totalAmount, "totalAmount");
		Objects.requireNonNull(totalFare, "totalFare");
		Objects.requireNonNull(totalTips, "totalTips");
		Objects.requireNonNull(totalDistance, "totalDistance");
		Objects.requireNonNull(ridesByVendor, "ridesByVendor");
		Objects.requireNonNull(ridesByPaymentType, "ridesByPaymentType");
	}

	/** No rides: the aggregation's initial value. */
	public static RideStats empty() {
		return new RideStats(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Map.of(),
				Map.of());
	}

	/** These statistics with one more ride. */
	public RideStats plus(PeerRide ride) {
		return new RideStats(this.rides + 1,
				this.passengers + ((ride.passengerCount() != null) ? ride.passengerCount() : 0),
				plus(this.totalAmount, ride.totalAmount()), plus(this.totalFare, ride.fareAmount()),
				plus(this.totalTips, ride.tipAmount()), plus(this.totalDistance, ride.tripDistance()),
				counted(this.ridesByVendor, code(ride.vendorId()), 1),
				counted(this.ridesByPaymentType, code(ride.paymentType()), 1));
	}

	/** The statistics of the rides of both. */
	public RideStats plus(RideStats other) {
		Map<String, Long> vendors = new TreeMap<>(this.ridesByVendor);
		other.ridesByVendor.forEach((code, count) -> vendors.merge(code, count, Long::sum));
		Map<String, Long> paymentTypes = new TreeMap<>(this.ridesByPaymentType);
		other.ridesByPaymentType.forEach((code, count) -> paymentTypes.merge(code, count, Long::sum));
		return new RideStats(this.rides + other.rides, this.passengers + other.passengers,
				this.totalAmount.add(other.totalAmount), this.totalFare.add(other.totalFare),
				this.totalTips.add(other.totalTips), this.totalDistance.add(other.totalDistance), vendors,
				paymentTypes);
	}

	private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
		// FHV trips have no fares and no distance.
		return (value != null) ? sum.add(value) : sum;
	}

	private static String code(Integer code) {
		return (code != null) ? code.toString() : UNKNOWN;
	}

	private static Map<String, Long> counted(Map<String, Long> counts, String code, long count) {
		Map<String, Long> copy = new TreeMap<>(counts);
		copy.merge(code, count, Long::sum);
		return copy;
	}

}
