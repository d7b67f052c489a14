package io.ridestream.generator;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.ridestream.model.Dataset;

/**
 * The options of {@link GenerateRides}, as {@code --name value} or {@code --name=value}.
 *
 * @param settings what to generate
 * @param output the file to write, or {@code -} for standard output
 * @param format how to write it
 * @param malformedLinesFile where to list the line numbers of the broken rows, one a line, or null
 * @param reportFile where to write the JSON report of what was written, or null
 * @param help whether only the usage was asked for
 */
record CommandLineOptions(GeneratorSettings settings, String output, OutputFormat format, Path malformedLinesFile,
		Path reportFile, boolean help) {

	static final String STANDARD_OUTPUT = "-";

	static final String USAGE = """
			Usage: java -jar ride-generator-exec.jar --rides N --output PATH [options]
			Writes N generated NYC rides as the TLC publishes them (yellow taxis by default, in the layout of 2019),
			as CSV, gzip CSV or Parquet, pickup times increasing.

			  --rides N                    number of data rows to write, broken ones included (required)
			  --output PATH                file to write, or - for standard output (CSV only) (required)
			  --dataset NAME               yellow, green or fhv (default yellow)
			  --format NAME                csv, csv.gz or parquet (default: from the file name, .parquet, .gz,
			                               otherwise csv)
			  --layout YEAR                the columns and Parquet types of the TLC's files of that year:
			                               2019, 2021, 2023 or 2025 (default 2019)
			  --seed S                     the same seed gives the same file (default %d)
			  --start DATE-TIME            first possible pickup, New York local time (default %s)
			  --rides-per-minute R         average rate of pickups (default %s)
			  --malformed-fraction F       share of rows, 0 to 1, broken on purpose; CSV only (default 0)
			  --malformed-lines PATH       also write the line numbers of the broken rows there, one a line
			  --blank-vendor-fraction F    share of taxi rows without vendor, passenger count, rate code, flag,
			                               payment type or surcharges (default 0)
			  --outlier-fraction F         share of rows picked up before the month of --start, or in a far-off
			                               year such as 2002 or 2088 (default 0)
			  --refund-fraction F          share of taxi rows refunded: every amount negative (default 0, though
			                               about 0.8%% of taxi rides are refunds anyway)
			  --unusual-codes-fraction F   share of taxi rows with payment type 0 or vendor 5 or 6 (default 0)
			  --report PATH                also write a JSON report of what was written there
			  --help                       show this help

			Exit status: 0 when written, 1 if the file cannot be written, 2 for invalid options.
			""".formatted(GeneratorSettings.DEFAULT_SEED,
			DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(GeneratorSettings.DEFAULT_START),
			formatRate(GeneratorSettings.DEFAULT_RIDES_PER_MINUTE));

	private static final Set<String> OPTIONS = Set.of("--rides", "--output", "--dataset", "--format", "--layout",
			"--seed", "--malformed-fraction", "--malformed-lines", "--start", "--rides-per-minute",
			"--blank-vendor-fraction", "--outlier-fraction", "--refund-fraction", "--unusual-codes-fraction",
			"--report");

	private static final String LAYOUT_YEARS = Arrays.stream(Layout.values())
		.map((layout) -> String.valueOf(layout.year()))
		.collect(Collectors.joining(", "));

	/** The quirks that FHV records cannot have: they have no vendor, fares or payment type. */
	private static final Set<String> TAXI_QUIRKS = Set.of("--blank-vendor-fraction", "--refund-fraction",
			"--unusual-codes-fraction");

	/**
	 * @throws IllegalArgumentException with a message for the user if an option is unknown, missing or invalid
	 */
	static CommandLineOptions parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				return new CommandLineOptions(GeneratorSettings.of(0), STANDARD_OUTPUT, OutputFormat.CSV, null, null,
						true);
			}
			int equals = arg.indexOf('=');
			String option = (equals > 0) ? arg.substring(0, equals) : arg;
			if (!OPTIONS.contains(option)) {
				throw new IllegalArgumentException("Unknown option: " + arg);
			}
			String value;
			if (equals > 0) {
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("Missing value for " + option);
			}
			if (values.put(option, value.strip()) != null) {
				throw new IllegalArgumentException(option + " is given twice");
			}
		}
		String rides = required(values, "--rides");
		String output = required(values, "--output");
		GeneratorSettings settings = settings(values, rides);
		OutputFormat format = format(values, output);
		if (format == OutputFormat.PARQUET) {
			for (String csvOnly : new String[] { "--malformed-fraction", "--malformed-lines" }) {
				if (values.containsKey(csvOnly)) {
					throw new IllegalArgumentException(csvOnly
							+ " is for CSV only: a Parquet file has typed columns, not text to break");
				}
			}
		}
		return new CommandLineOptions(settings, output, format, path(values, "--malformed-lines"),
				path(values, "--report"), false);
	}

	boolean writesToStandardOutput() {
		return STANDARD_OUTPUT.equals(this.output);
	}

	private static GeneratorSettings settings(Map<String, String> values, String rides) {
		long count = wholeNumber(rides, "--rides");
		if (count < 0) {
			throw new IllegalArgumentException("--rides must not be negative: '" + rides + "'");
		}
		GeneratorSettings settings = GeneratorSettings.of(count);
		if (values.containsKey("--dataset")) {
			settings = settings.withDataset(dataset(values.get("--dataset")));
		}
		if (values.containsKey("--layout")) {
			settings = settings.withLayout(layout(values.get("--layout")));
		}
		if (values.containsKey("--seed")) {
			settings = settings.withSeed(wholeNumber(values.get("--seed"), "--seed"));
		}
		if (values.containsKey("--malformed-fraction")) {
			settings = settings.withMalformedFraction(fraction(values, "--malformed-fraction"));
		}
		if (values.containsKey("--start")) {
			settings = settings.withStart(start(values.get("--start")));
		}
		if (values.containsKey("--rides-per-minute")) {
			double rate = decimal(values.get("--rides-per-minute"), "--rides-per-minute");
			if (!(rate > 0) || Double.isInfinite(rate)) {
				throw new IllegalArgumentException("--rides-per-minute must be a positive number: '"
						+ values.get("--rides-per-minute") + "'");
			}
			settings = settings.withRidesPerMinute(rate);
		}
		return settings.withQuirks(quirks(values, settings.dataset()));
	}

	private static QuirkRates quirks(Map<String, String> values, Dataset dataset) {
		if (!dataset.hasFares()) {
			for (String option : TAXI_QUIRKS) {
				if (values.containsKey(option) && fraction(values, option) > 0) {
					throw new IllegalArgumentException(option + " does not apply to " + dataset.wireName()
							+ ": its records have no vendor, fares or payment type");
				}
			}
		}
		QuirkRates quirks = QuirkRates.NONE;
		if (values.containsKey("--blank-vendor-fraction")) {
			quirks = quirks.withBlankVendor(fraction(values, "--blank-vendor-fraction"));
		}
		if (values.containsKey("--outlier-fraction")) {
			quirks = quirks.withOutliers(fraction(values, "--outlier-fraction"));
		}
		if (values.containsKey("--refund-fraction")) {
			quirks = quirks.withRefunds(fraction(values, "--refund-fraction"));
		}
		if (values.containsKey("--unusual-codes-fraction")) {
			quirks = quirks.withUnusualCodes(fraction(values, "--unusual-codes-fraction"));
		}
		return quirks;
	}

	private static OutputFormat format(Map<String, String> values, String output) {
		boolean standardOutput = STANDARD_OUTPUT.equals(output);
		if (!values.containsKey("--format")) {
			return standardOutput ? OutputFormat.CSV : OutputFormat.ofFileName(output);
		}
		OutputFormat format;
		try {
			format = OutputFormat.fromWireName(values.get("--format"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--format must be csv, csv.gz or parquet: '" + values.get("--format") + "'");
		}
		if (standardOutput && format != OutputFormat.CSV) {
			throw new IllegalArgumentException(
					"--format " + format.wireName() + " needs a file: standard output takes CSV only");
		}
		return format;
	}

	private static Dataset dataset(String value) {
		try {
			return Dataset.fromWireName(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--dataset must be yellow, green or fhv: '" + value + "'");
		}
	}

	private static Layout layout(String value) {
		try {
			return Layout.ofYear(Integer.parseInt(value));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--layout must be one of the years " + LAYOUT_YEARS + ": '" + value + "'");
		}
	}

	private static double fraction(Map<String, String> values, String option) {
		double fraction = decimal(values.get(option), option);
		if (!(fraction >= 0 && fraction <= 1)) {
			throw new IllegalArgumentException(option + " must be between 0 and 1: '" + values.get(option) + "'");
		}
		return fraction;
	}

	private static Path path(Map<String, String> values, String option) {
		String value = values.get(option);
		return (value != null) ? Path.of(value) : null;
	}

	private static String required(Map<String, String> values, String option) {
		String value = values.get(option);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("Missing required option " + option);
		}
		return value;
	}

	private static long wholeNumber(String value, String option) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " must be a whole number: '" + value + "'");
		}
	}

	private static double decimal(String value, String option) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " must be a number: '" + value + "'");
		}
	}

	private static LocalDateTime start(String value) {
		LocalDateTime start;
		try {
			start = LocalDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--start must be a date-time like 2020-07-01T00:00:00: '" + value + "'");
		}
		if (start.getYear() < 1900 || start.getYear() > 2999) {
			throw new IllegalArgumentException("--start must be in the years 1900 to 2999: '" + value + "'");
		}
		return start;
	}

	private static String formatRate(double rate) {
		return (rate == Math.rint(rate)) ? String.valueOf((long) rate) : String.valueOf(rate);
	}

}
