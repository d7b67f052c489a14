package io.ridestream.benchmark;

import java.util.Collection;
import java.util.List;

/**
 * Medians of repeated measurements: robust against the one run that a garbage collection or a page-cache flush
 * slowed down.
 */
final class Medians {

	private Medians() {
	}

	/** The median, the mean of the two middle values for an even count; NaN for no values. */
	static double of(Collection<Double> values) {
		List<Double> sorted = values.stream().filter((value) -> !value.isNaN()).sorted().toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
