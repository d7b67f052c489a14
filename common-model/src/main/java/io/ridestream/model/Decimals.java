package io.ridestream.model;

import java.math.BigDecimal;

/**
 * Bounds on the decimals a ride may carry. A value like {@code 1e999999999} is a valid number, but summing or
 * printing it would take gigabytes; no taxi trip needs more than 12 integer digits or 6 decimal places.
 */
final class Decimals {

	static final int MAX_INTEGER_DIGITS = 12;

	static final int MAX_SCALE = 6;

	private Decimals() {
	}

	static void requireReasonable(String field, BigDecimal value) {
		int integerDigits = value.precision() - value.scale();
		if (integerDigits > MAX_INTEGER_DIGITS || value.stripTrailingZeros().scale() > MAX_SCALE) {
			throw new IllegalArgumentException(field + " must have at most " + MAX_INTEGER_DIGITS
					+ " integer digits and " + MAX_SCALE + " decimal places, was " + Values.abbreviate(value.toString()));
		}
	}

}
