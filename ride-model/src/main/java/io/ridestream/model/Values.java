package io.ridestream.model;

/** Helpers for quoting input values in error messages. */
public final class Values {

	private Values() {
	}

	/**
	 * The value, cut to 60 characters: a message quotes what was wrong, but a reason stored, logged or returned
	 * per rejected row must stay short even when the value is 60,000 characters long.
	 */
	public static String abbreviate(String value) {
		return (value.length() <= 60) ? value : value.substring(0, 57) + "...";
	}

}
