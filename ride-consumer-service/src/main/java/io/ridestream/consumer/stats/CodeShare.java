package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One line of a breakdown of rides by code, for the HTML and text views.
 *
 * @param code the code, as in the JSON
 * @param name what the code means
 * @param count rides with the code
 * @param percent the share of all rides, to one decimal place
 */
record CodeShare(String code, String name, long count, BigDecimal percent) {

	static List<CodeShare> of(Map<String, Long> counts, UnaryOperator<String> names, long total) {
		List<CodeShare> shares = new ArrayList<>();
		counts.forEach((code, count) -> shares.add(new CodeShare(code, names.apply(code), count, percent(count, total))));
		return shares;
	}

	static BigDecimal percent(long count, long total) {
		return (total > 0) ? BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_EVEN)
				: BigDecimal.ZERO.setScale(1);
	}

}
