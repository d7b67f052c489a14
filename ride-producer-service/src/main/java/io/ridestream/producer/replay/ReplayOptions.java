package io.ridestream.producer.replay;

/**
 * What to replay and how fast.
 *
 * @param limit stop after this many data rows, or {@code null} for all
 * @param rate at most this many rides per second, or {@code null} for no limit
 * @param speedup replay at the pace of the pickup times, this many times faster, or {@code null} to ignore them
 * @param key the ride field used as the record key
 */
record ReplayOptions(Long limit, Double rate, Double speedup, ReplayKey key) {

	ReplayOptions {
		if (limit != null && limit <= 0) {
			throw new InvalidReplayOptionException("limit", "must be a positive whole number, was " + limit);
		}
		requirePositive("rate", rate);
		requirePositive("speedup", speedup);
		if (key == null) {
			key = ReplayKey.PICKUP_LOCATION;
		}
	}

	private static void requirePositive(String name, Double value) {
		if (value != null && !(Double.isFinite(value) && value > 0)) {
			throw new InvalidReplayOptionException(name, "must be a positive number, was " + value);
		}
	}

}
