package io.ridestream.serde;

/**
 * What a serde may do for its value type without Jackson's general machinery and without validating a JSON tree,
 * for the values that are common. Each method may decline (false or null), and the serde then takes its general
 * path; whatever it does not decline must be exactly what the general path would give.
 *
 * @param <T> the value type
 */
interface JsonFastPath<T> {

	/** True only if the value's JSON is accepted by the local schema. */
	boolean acceptedBySchema(T value);

	/** The bytes {@link RideJson}'s mapper writes for the value, or null to leave the value to the mapper. */
	byte[] write(T value);

	/**
	 * The value {@link RideJson}'s strict mapper reads from the JSON, or null when the JSON is not of the plain
	 * shape this reads (then the mapper reads it, and reports what is wrong).
	 */
	T read(byte[] json, int offset, int length);

}
