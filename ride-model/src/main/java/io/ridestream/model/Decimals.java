package io.ridestream.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Bounds on the decimals a ride may carry. A value like {@code 1e999999999} is a valid number, but summing or
 * printing it would take gigabytes; no taxi trip needs more than 12 integer digits or 6 decimal places.
 */
public final class Decimals {

	public static final int MAX_INTEGER_DIGITS = 12;

	public static final int MAX_SCALE = 6;

	private Decimals() {
	}

	/**
	 * Reads a decimal as {@code new BigDecimal(text)} does (same value and scale), faster for the plain shape
	 * money and distances have ({@code -12.50}: a sign, at most 18 digits, a point).
	 * @throws NumberFormatException if the text is not a decimal number
	 */
	public static BigDecimal parse(String text) {
		int length = text.length();
		int start = (length > 0 && text.charAt(0) == '-') ? 1 : 0;
		long unscaled = 0;
		int digits = 0;
		int scale = 0;
		boolean point = false;
		for (int i = start; i < length; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				unscaled = unscaled * 10 + (c - '0');
				digits++;
				if (point) {
					scale++;
				}
			}
			else if (c == '.' && !point) {
				point = true;
			}
			else {
				return new BigDecimal(text);
			}
		}
		if (digits == 0 || digits > 18) {
			return new BigDecimal(text);
		}
		return BigDecimal.valueOf((start == 1) ? -unscaled : unscaled, scale);
	}

	/**
	 * The value a program meant when it computed a number in binary floating point and wrote all the digits of the
	 * double: {@code 0.8999999999999999} (0.3 + 0.6) is 0.9, {@code 16.799999999999997} is 16.8. Such noise is 15
	 * to 17 significant digits running past the {@value #MAX_SCALE} decimal places a ride holds; it is rounded to
	 * them (half even, trailing zeros dropped). Any other value is returned as it is, so that a value with more
	 * decimal places than a ride holds is still refused rather than silently changed.
	 */
	public static BigDecimal withoutFloatingPointNoise(BigDecimal value) {
		if (value == null || value.scale() <= MAX_SCALE || value.precision() < 15) {
			return value;
		}
		BigDecimal rounded = value.setScale(MAX_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
		return (rounded.scale() < 0) ? rounded.setScale(0) : rounded;
	}

	/** Null passes: whether a field may be null is the ride's business. */
	static void requireReasonableOrNull(String field, BigDecimal value) {
		if (value == null) {
			return;
		}
		int integerDigits = value.precision() - value.scale();
		if (integerDigits > MAX_INTEGER_DIGITS
				|| (value.scale() > MAX_SCALE && value.stripTrailingZeros().scale() > MAX_SCALE)) {
			throw new IllegalArgumentException(field + " must have at most " + MAX_INTEGER_DIGITS
					+ " integer digits and " + MAX_SCALE + " decimal places, was " + Values.abbreviate(value.toString()));
		}
	}

}
