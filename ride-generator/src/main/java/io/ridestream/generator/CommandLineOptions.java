package io.ridestream.generator;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@link GenerateRides}, as {@code --name value} or {@code --name=value}.
 *
 * @param settings what to generate
 * @param output the file to write, or {@code -} for standard output
 * @param malformedLinesFile where to list the line numbers of the broken rows, one a line, or null
 * @param help whether only the usage was asked for
 */
record CommandLineOptions(GeneratorSettings settings, String output, Path malformedLinesFile, boolean help) {

	static final String STANDARD_OUTPUT = "-";

	static final String USAGE = """
			Usage: java -jar ride-generator-exec.jar --rides N --output PATH [options]
			Writes a CSV of N generated NYC yellow-taxi rides in the TLC layout, pickup times increasing.

			  --rides N                    number of data rows to write, broken ones included (required)
			  --output PATH                file to write, or - for standard output (required)
			  --seed S                     the same seed gives the same file (default %d)
			  --malformed-fraction F       share of rows, 0 to 1, broken on purpose (default 0)
			  --malformed-lines PATH       also write the line numbers of the broken rows there, one a line
			  --start DATE-TIME            first possible pickup, New York local time (default %s)
			  --rides-per-minute R         average rate of pickups (default %s)
			  --help                       show this help

			Exit status: 0 when written, 1 if the file cannot be written, 2 for invalid options.
			""".formatted(GeneratorSettings.DEFAULT_SEED,
			DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(GeneratorSettings.DEFAULT_START),
			formatRate(GeneratorSettings.DEFAULT_RIDES_PER_MINUTE));

	private static final Set<String> OPTIONS = Set.of("--rides", "--output", "--seed", "--malformed-fraction",
			"--malformed-lines", "--start", "--rides-per-minute");

	/**
	 * @throws IllegalArgumentException with a message for the user if an option is unknown, missing or invalid
	 */
	static CommandLineOptions parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				return new CommandLineOptions(GeneratorSettings.of(0), STANDARD_OUTPUT, null, true);
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
		String malformedLines = values.get("--malformed-lines");
		return new CommandLineOptions(settings, output, (malformedLines != null) ? Path.of(malformedLines) : null,
				false);
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
		if (values.containsKey("--seed")) {
			settings = settings.withSeed(wholeNumber(values.get("--seed"), "--seed"));
		}
		if (values.containsKey("--malformed-fraction")) {
			double fraction = decimal(values.get("--malformed-fraction"), "--malformed-fraction");
			if (!(fraction >= 0 && fraction <= 1)) {
				throw new IllegalArgumentException("--malformed-fraction must be between 0 and 1: '"
						+ values.get("--malformed-fraction") + "'");
			}
			settings = settings.withMalformedFraction(fraction);
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
		return settings;
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
