package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the statistics as a short plain-text summary for a terminal, with aligned columns.
 */
final class StatisticsText {

	static final int TOP_ZONES = 5;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

	private static final String NONE = "-";

	private StatisticsText() {
	}

	static String render(RideStatistics stats) {
		StringBuilder text = new StringBuilder();
		text.append("Ride statistics (").append(stats.partitions().size()).append(" partitions counted)\n\n");
		Map<String, String> headline = new LinkedHashMap<>();
		headline.put("Rides", count(stats.totalRides()));
		headline.put("Passengers", count(stats.totalPassengers()));
		headline.put("Total amount", money(stats.totalAmount()));
		headline.put("Fare", money(stats.totalFare()));
		headline.put("Tips", money(stats.totalTips()));
		headline.put("Avg distance",
				(stats.averageTripDistance() != null) ? stats.averageTripDistance().toPlainString() + " mi" : NONE);
		headline.put("First pickup", timestamp(stats.firstPickup()));
		headline.put("Last pickup", timestamp(stats.lastPickup()));
		headline.put("Dead letters", count(stats.deadLetters()));
		long outsideWindows = stats.ridesOutsideWindows().getOrDefault("tumbling", 0L);
		if (outsideWindows > 0) {
			// Rides picked up decades off, or far ahead of the others: worth a look at the data.
			headline.put("Not windowed", count(outsideWindows));
		}
		int valueWidth = headline.values().stream().mapToInt(String::length).max().orElse(0);
		String line = "%-14s%" + valueWidth + "s\n";
		headline.forEach((label, value) -> text.append(String.format(Locale.ROOT, line, label, value)));
		if (stats.datasets().stream().anyMatch((dataset) -> !dataset.dataset().equals("yellow"))) {
			// Only yellow rides, as in the course's sample, need no breakdown.
			appendShares(text, "By dataset", stats.datasets()
				.stream()
				.map((dataset) -> new CodeShare(dataset.dataset(), dataset.dataset(), dataset.rides(),
						CodeShare.percent(dataset.rides(), stats.totalRides())))
				.toList());
		}
		appendShares(text, "By vendor",
				CodeShare.of(stats.ridesByVendor(), TripCodes::vendorName, stats.totalRides()));
		appendShares(text, "By payment type",
				CodeShare.of(stats.ridesByPaymentType(), TripCodes::paymentTypeName, stats.totalRides()));
		appendShares(text, "By pickup borough", stats.ridesByPickupBorough()
			.entrySet()
			.stream()
			.map((borough) -> new CodeShare(borough.getKey(), borough.getKey(), borough.getValue(),
					CodeShare.percent(borough.getValue(), stats.totalRides())))
			.toList());
		appendTopZones(text, stats.topPickupLocations());
		return text.toString();
	}

	private static void appendShares(StringBuilder text, String title, List<CodeShare> shares) {
		text.append('\n').append(title).append('\n');
		if (shares.isEmpty()) {
			text.append("  (no rides yet)\n");
			return;
		}
		List<String[]> rows = new ArrayList<>();
		shares.forEach((share) -> rows.add(new String[] { share.name(), count(share.count()),
				share.percent().toPlainString() + "%" }));
		appendRows(text, rows);
	}

	private static void appendTopZones(StringBuilder text, List<LocationCount> locations) {
		List<LocationCount> top = locations.subList(0, Math.min(TOP_ZONES, locations.size()));
		text.append('\n').append("Top ").append(TOP_ZONES).append(" pickup zones").append('\n');
		if (top.isEmpty()) {
			text.append("  (no rides yet)\n");
			return;
		}
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < top.size(); i++) {
			LocationCount location = top.get(i);
			rows.add(new String[] { (i + 1) + ". " + location.zone() + ", " + location.borough(),
					count(location.count()) });
		}
		appendRows(text, rows);
	}

	/** Indented rows: the first column left-aligned, the others right-aligned, each as wide as its widest cell. */
	private static void appendRows(StringBuilder text, List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		for (String[] row : rows) {
			for (int column = 0; column < row.length; column++) {
				widths[column] = Math.max(widths[column], row[column].length());
			}
		}
		for (String[] row : rows) {
			text.append("  ").append(String.format(Locale.ROOT, "%-" + widths[0] + "s", row[0]));
			for (int column = 1; column < row.length; column++) {
				text.append("  ").append(String.format(Locale.ROOT, "%" + widths[column] + "s", row[column]));
			}
			text.append('\n');
		}
	}

	private static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** Grouped thousands, at least cents, and every further digit the exact amount has. */
	private static String money(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("$#,##0.00####", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setMaximumFractionDigits(Math.max(2, amount.scale()));
		return format.format(amount);
	}

	private static String timestamp(LocalDateTime value) {
		return (value != null) ? TIMESTAMP.format(value) : NONE;
	}

}
