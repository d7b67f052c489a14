package io.ridestream.serde;

import java.util.List;

import io.ridestream.model.Ride;

/**
 * The ride schema's rules checked on a ride read or written in another format than JSON (Avro), so that a ride is
 * refused for the same reasons, with the same violations, whatever its format.
 */
public final class RideValidation {

	private static final CompiledSchema SCHEMA = CompiledSchema.of(RideSchema.json());

	private RideValidation() {
	}

	/**
	 * Checks the ride against the ride schema: a few comparisons, and its JSON validated only when they fail.
	 * @throws InvalidRideException naming every violation
	 */
	public static void check(Ride ride) {
		if (RideConstraints.accepts(ride)) {
			return;
		}
		List<String> violations = SCHEMA.violations(RideJson.MAPPER.valueToTree(ride));
		if (!violations.isEmpty()) {
			throw new InvalidRideException(violations);
		}
	}

}
