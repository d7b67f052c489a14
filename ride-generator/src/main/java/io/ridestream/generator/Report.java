package io.ridestream.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ridestream.model.Dataset;

/**
 * What {@link GenerateRides} tells its user it wrote: a summary line or two for standard error, and a JSON
 * report for tools.
 */
final class Report {

	private Report() {
	}

	/**
	 * One line, and a second one listing the odd rows when some were asked for or the rides are FHV's, e.g.
	 * {@code Wrote 1,000 yellow rides (csv, 2019 layout, 12 malformed) to rides.csv: 0.1 MB in 0.05 s, 20,000 rows/s}.
	 */
	static String summary(GenerationResult result, GeneratorSettings settings, String output, double seconds) {
		String line = String.format(Locale.ROOT, "Wrote %,d %s rides (%s, %d layout, %,d malformed) to %s: "
				+ "%,.1f MB in %.2f s, %,.0f rows/s", result.rows(), result.dataset().wireName(),
				result.format().wireName(), result.layout().year(), result.malformedRows(), output,
				result.bytes() / 1e6, seconds, result.rows() / Math.max(seconds, 1e-9));
		if (!settings.quirks().any() && result.dataset().hasFares()) {
			return line;
		}
		return line + System.lineSeparator() + "Odd rows: " + oddRows(result.quirks(), result.dataset());
	}

	/** The report as a JSON object on one line. */
	static String json(GenerationResult result, GeneratorSettings settings, String output, double seconds) {
		QuirkCounts quirks = result.quirks();
		return String.format(Locale.ROOT, "{\"output\":%s,\"dataset\":\"%s\",\"format\":\"%s\",\"layout\":%d,"
				+ "\"rows\":%d,\"malformedRows\":%d,\"bytes\":%d,\"seconds\":%.3f,\"seed\":%d,\"quirks\":{"
				+ "\"blankVendor\":%d,\"pickupsBeforeMonth\":%d,\"pickupsInFarOffYears\":%d,\"refunds\":%d,"
				+ "\"paymentTypeZero\":%d,\"unusualVendors\":%d,\"blankPickupLocations\":%d,"
				+ "\"blankDropoffLocations\":%d}}", quoted(output), result.dataset().wireName(),
				result.format().wireName(), result.layout().year(), result.rows(), result.malformedRows(),
				result.bytes(), seconds, settings.seed(), quirks.blankVendor(), quirks.pickupsBeforeMonth(),
				quirks.pickupsInFarOffYears(), quirks.refunds(), quirks.paymentTypeZero(), quirks.unusualVendors(),
				quirks.blankPickupLocations(), quirks.blankDropoffLocations());
	}

	private static String oddRows(QuirkCounts quirks, Dataset dataset) {
		List<String> parts = new ArrayList<>();
		if (dataset.hasFares()) {
			parts.add(count(quirks.blankVendor(), "without vendor"));
			parts.add(count(quirks.refunds(), "refunds"));
			parts.add(count(quirks.paymentTypeZero(), "with payment type 0"));
			parts.add(count(quirks.unusualVendors(), "with vendor 5 or 6"));
		}
		else {
			parts.add(count(quirks.blankPickupLocations(), "without pickup zone"));
			parts.add(count(quirks.blankDropoffLocations(), "without dropoff zone"));
		}
		parts.add(count(quirks.pickupsBeforeMonth(), "picked up before the month"));
		parts.add(count(quirks.pickupsInFarOffYears(), "in far-off years"));
		return String.join(", ", parts);
	}

	private static String count(long count, String what) {
		return String.format(Locale.ROOT, "%,d %s", count, what);
	}

	private static String quoted(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
