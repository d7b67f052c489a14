package io.ridestream.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.ridestream.benchmark.streams.RideStats;
import tools.jackson.databind.JsonNode;

/**
 * Compares the Kafka Streams peer's totals with ride-consumer-service's {@code /stats} JSON: the same rides read
 * from the same topic must give the same figures, or the comparison of their throughputs means nothing.
 */
final class TotalsCheck {

	private TotalsCheck() {
	}

	/**
	 * The figures that differ, each as {@code name: service X, peer Y}; empty if they all agree. Amounts are
	 * compared as numbers (4385.3 equals 4385.30). The service serves the distance only as an average over rides
	 * to 2 places (half-even), so the peer's total distance is compared as that average.
	 * @param service the service's {@code /stats} JSON
	 * @param peer the peer's statistics summed over locations
	 */
	static List<String> differences(JsonNode service, RideStats peer) {
		List<String> differences = new ArrayList<>();
		compare(differences, "totalRides", service.path("totalRides").asLong(), peer.rides());
		compare(differences, "totalPassengers", service.path("totalPassengers").asLong(), peer.passengers());
		compareAmounts(differences, "totalAmount", decimal(service, "totalAmount"), peer.totalAmount());
		compareAmounts(differences, "totalFare", decimal(service, "totalFare"), peer.totalFare());
		compareAmounts(differences, "totalTips", decimal(service, "totalTips"), peer.totalTips());
		BigDecimal averageDistance = (peer.rides() > 0)
				? peer.totalDistance().divide(BigDecimal.valueOf(peer.rides()), 2, RoundingMode.HALF_EVEN) : null;
		compareAmounts(differences, "averageTripDistance", decimal(service, "averageTripDistance"), averageDistance);
		compare(differences, "ridesByVendor", counts(service.path("ridesByVendor")), new TreeMap<>(peer.ridesByVendor()));
		compare(differences, "ridesByPaymentType", counts(service.path("ridesByPaymentType")),
				new TreeMap<>(peer.ridesByPaymentType()));
		return differences;
	}

	private static void compare(List<String> differences, String name, Object service, Object peer) {
		if (!Objects.equals(service, peer)) {
			differences.add(name + ": service " + service + ", peer " + peer);
		}
	}

	private static void compareAmounts(List<String> differences, String name, BigDecimal service, BigDecimal peer) {
		boolean equal = (service == null || peer == null) ? service == peer : service.compareTo(peer) == 0;
		if (!equal) {
			differences.add(name + ": service " + plain(service) + ", peer " + plain(peer));
		}
	}

	private static String plain(BigDecimal amount) {
		return (amount != null) ? amount.toPlainString() : null;
	}

	/** An amount the service writes as a string (or, to be safe, as a number); null if missing. */
	private static BigDecimal decimal(JsonNode stats, String field) {
		JsonNode value = stats.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString());
	}

	private static Map<String, Long> counts(JsonNode object) {
		Map<String, Long> counts = new TreeMap<>();
		object.properties().forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asLong()));
		return counts;
	}

}
