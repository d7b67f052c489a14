package io.ridestream.consumer.stats;

import java.util.Map;

/**
 * The names of the vendor and payment type codes, from the TLC's yellow- and green-taxi data dictionaries (2025).
 */
final class TripCodes {

	private static final Map<String, String> VENDORS = Map.of("1", "Creative Mobile Technologies", "2",
			"VeriFone", "6", "Myle Technologies", "7", "Helix", RideAggregate.UNKNOWN_VENDOR,
			"Not recorded (FHV trips, blank rows)");

	private static final Map<String, String> PAYMENT_TYPES = Map.of("0", "Flex fare", "1", "Credit card", "2", "Cash", "3",
			"No charge", "4", "Dispute", "5", "Unknown", "6", "Voided trip", RideAggregate.UNKNOWN_PAYMENT_TYPE,
			"Not recorded");

	private TripCodes() {
	}

	static String vendorName(String code) {
		return VENDORS.getOrDefault(code, "Vendor " + code);
	}

	static String paymentTypeName(String code) {
		return PAYMENT_TYPES.getOrDefault(code, "Payment type " + code);
	}

}
