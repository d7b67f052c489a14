package io.ridestream.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

import io.ridestream.generator.GenerationResult;
import io.ridestream.generator.GeneratorSettings;
import io.ridestream.generator.RideGenerator;
import io.ridestream.read.RideCsvReader;
import io.ridestream.read.RideCsvReaderVariants;
import io.ridestream.read.RideRow;

/**
 * Does {@link RideCsvReader}'s split of quote-free lines ({@code String.split}) pay over opencsv's
 * {@code RFC4180Parser}, which splits such lines without its quote handling anyway (issue 12)? Measures, on one
 * CSV of generated yellow rides, the whole reader (bytes to rides) with the split and with the parser for every
 * line, and the split step alone on the file's lines held in memory, and prints both side by side with their
 * ratio.
 *
 * <p>Each variant runs in its own JVMs (default options), so neither's profile shapes the other's compiled code:
 * {@code --forks} JVMs per variant, started alternately; each reads the file {@value #WARM_UP_READS} times to warm
 * up, then {@code --reads} times timed; then it splits the lines {@value #SPLIT_WARM_UP_PASSES} times to warm up
 * and {@value #SPLIT_PASSES_PER_READ} times per timed read timed (a pass takes well under a second). Figures are
 * medians of all timed passes of a variant. Run it from the project root (see benchmarks/README.md); not part of
 * the build's tests.
 */
public final class CsvSplitBenchmark {

	static final String USAGE = """
			Usage: CsvSplitBenchmark [--csv FILE | --rides N] [--forks F] [--reads R]
			  --csv FILE   yellow-ride CSV to read (default: N rides generated into a temporary file)
			  --rides N    rides to generate when no --csv is given (default 1000000)
			  --forks F    JVMs per variant, started alternately (default 3)
			  --reads R    timed reads per JVM, after %d warm-up reads (default 3)
			""".formatted(CsvSplitBenchmark.WARM_UP_READS);

	static final int WARM_UP_READS = 2;

	static final int SPLIT_WARM_UP_PASSES = 5;

	static final int SPLIT_PASSES_PER_READ = 3;

	/** The two ways of splitting a line that the benchmark compares. */
	enum Variant {

		/** The reader as it ships: {@code String.split} for a line without quotes, the parser otherwise. */
		SPLIT("String.split for quote-free lines"),

		/** opencsv's parser for every line. */
		PARSER("RFC4180Parser for every line");

		final String description;

		Variant(String description) {
			this.description = description;
		}

	}

	private CsvSplitBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--child")) {
			child(Variant.valueOf(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
			return;
		}
		Path csv = null;
		long rides = 1_000_000;
		int forks = 3;
		int reads = 3;
		try {
			for (int i = 0; i < args.length; i += 2) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Missing value for " + args[i]);
				}
				String value = args[i + 1];
				switch (args[i]) {
					case "--csv" -> csv = Path.of(value);
					case "--rides" -> rides = Long.parseLong(value.replace("_", ""));
					case "--forks" -> forks = Integer.parseInt(value);
					case "--reads" -> reads = Integer.parseInt(value);
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			if (rides < 1 || forks < 1 || reads < 1) {
				throw new IllegalArgumentException("--rides, --forks and --reads must be at least 1");
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
		}
		Path generated = null;
		if (csv == null) {
			generated = Files.createTempFile("csv-split-benchmark-", ".csv");
			GenerationResult result = new RideGenerator(GeneratorSettings.of(rides)).write(generated);
			System.out.printf(Locale.ROOT, "Generated %,d yellow rides (%,.1f MB) into %s%n", result.rows(),
					result.bytes() / 1e6, generated);
			csv = generated;
		}
		try {
			run(csv, forks, reads);
		}
		finally {
			if (generated != null) {
				Files.deleteIfExists(generated);
			}
		}
	}

	private static void run(Path csv, int forks, int reads) throws IOException, InterruptedException {
		System.out.println("Machine: " + Machine.describe());
		System.out.printf(Locale.ROOT, "CSV: %s (%,d bytes); %d JVMs per variant, each %d warm-up and %d timed reads,"
				+ " then %d warm-up and %d timed split passes%n", csv, Files.size(csv), forks, WARM_UP_READS, reads,
				SPLIT_WARM_UP_PASSES, reads * SPLIT_PASSES_PER_READ);
		List<Double> splitRows = new ArrayList<>();
		List<Double> parserRows = new ArrayList<>();
		List<Double> splitLines = new ArrayList<>();
		List<Double> parserLines = new ArrayList<>();
		long expectedRides = -1;
		for (int fork = 1; fork <= forks; fork++) {
			// Alternate which variant goes first, so a drift of the shared machine does not favour one.
			List<Variant> order = (fork % 2 == 1) ? List.of(Variant.SPLIT, Variant.PARSER)
					: List.of(Variant.PARSER, Variant.SPLIT);
			for (Variant variant : order) {
				ChildResult result = fork(variant, csv, reads);
				if (expectedRides < 0) {
					expectedRides = result.rides();
				}
				else if (result.rides() != expectedRides) {
					throw new IllegalStateException(variant + " read " + result.rides() + " rides, another JVM "
							+ expectedRides);
				}
				((variant == Variant.SPLIT) ? splitRows : parserRows).addAll(result.rowsPerSecond());
				((variant == Variant.SPLIT) ? splitLines : parserLines).addAll(result.linesPerSecond());
				System.out.printf(Locale.ROOT, "  JVM %d, %-6s reader %s rows/s; split step %s lines/s%n", fork,
						variant, figures(result.rowsPerSecond()), figures(result.linesPerSecond()));
			}
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "Medians per variant of %d timed reads (%,d rides each) and %d timed split passes:%n",
				forks * reads, expectedRides, forks * reads * SPLIT_PASSES_PER_READ);
		System.out.println();
		System.out.println("| Measure | " + Variant.SPLIT.description + " | " + Variant.PARSER.description
				+ " | Split / parser |");
		System.out.println("|---|---:|---:|---:|");
		row("Whole reader (rows/s)", Medians.of(splitRows), Medians.of(parserRows));
		row("Split step alone (lines/s)", Medians.of(splitLines), Medians.of(parserLines));
	}

	private static void row(String name, double split, double parser) {
		System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |%n", name, split, parser, split / parser);
	}

	private static String figures(List<Double> values) {
		return String.join(" ", values.stream().map((value) -> String.format(Locale.ROOT, "%,.0f", value)).toList());
	}

	private record ChildResult(long rides, List<Double> rowsPerSecond, List<Double> linesPerSecond) {
	}

	/** Runs one variant in a fresh JVM on this class path and reads its figures from its output. */
	private static ChildResult fork(Variant variant, Path csv, int reads) throws IOException, InterruptedException {
		List<String> command = JavaProcesses.onThisClassPath(CsvSplitBenchmark.class.getName(), List.of(),
				List.of("--child", variant.name(), csv.toString(), Integer.toString(reads)));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		long rides = -1;
		List<Double> rows = new ArrayList<>();
		List<Double> lines = new ArrayList<>();
		List<String> output = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				output.add(line);
				String[] words = line.split(" ");
				switch (words[0]) {
					case "RIDES" -> rides = Long.parseLong(words[1]);
					case "READ" -> rows.add(Double.parseDouble(words[1]));
					case "SPLIT" -> lines.add(Double.parseDouble(words[1]));
					default -> {
						// anything else: shown if the JVM fails
					}
				}
			}
		}
		int status = process.waitFor();
		if (status != 0 || rows.size() != reads || lines.size() != reads * SPLIT_PASSES_PER_READ) {
			throw new IllegalStateException("The " + variant + " JVM failed (exit status " + status + "):\n"
					+ String.join("\n", output));
		}
		return new ChildResult(rides, rows, lines);
	}

	/** One JVM: the whole reader, then the split step, each warmed up, then timed; one figure per output line. */
	private static void child(Variant variant, Path csv, int reads) throws IOException {
		boolean split = variant == Variant.SPLIT;
		long rides = -1;
		for (int pass = 0; pass < WARM_UP_READS + reads; pass++) {
			long start = System.nanoTime();
			long parsed = readAll(csv, split);
			long nanos = System.nanoTime() - start;
			if (rides >= 0 && parsed != rides) {
				throw new IllegalStateException("Read " + parsed + " rides, before " + rides);
			}
			rides = parsed;
			if (pass >= WARM_UP_READS) {
				System.out.println("READ " + (parsed * 1e9 / nanos));
			}
		}
		System.out.println("RIDES " + rides);

		List<String> lines;
		try (var all = Files.lines(csv, StandardCharsets.UTF_8)) {
			lines = all.skip(1).toList();
		}
		RFC4180Parser parser = new RFC4180ParserBuilder().build();
		long sink = 0;
		for (int pass = 0; pass < SPLIT_WARM_UP_PASSES + reads * SPLIT_PASSES_PER_READ; pass++) {
			long start = System.nanoTime();
			sink += split ? splitAll(lines, parser) : parseAll(lines, parser);
			long nanos = System.nanoTime() - start;
			if (pass >= SPLIT_WARM_UP_PASSES) {
				System.out.println("SPLIT " + (lines.size() * 1e9 / nanos));
			}
		}
		System.out.println("SINK " + sink);
	}

	/** Reads the whole file through the reader, as {@code RideFiles} opens it; returns the rides parsed. */
	private static long readAll(Path csv, boolean splitQuoteFreeLines) throws IOException {
		long parsed = 0;
		try (InputStream bytes = Files.newInputStream(csv);
				RideCsvReader reader = RideCsvReaderVariants.open(bytes, splitQuoteFreeLines)) {
			RideRow row;
			while ((row = reader.next()) != null) {
				if (row instanceof RideRow.Parsed) {
					parsed++;
				}
			}
		}
		return parsed;
	}

	/** The reader's split step as it ships: a quote-free line split directly, any other by the parser. */
	private static long splitAll(List<String> lines, RFC4180Parser parser) throws IOException {
		long sink = 0;
		for (String text : lines) {
			String[] fields = (text.indexOf('"') < 0) ? RideCsvReaderVariants.splitQuoteFree(text) : parser.parseLine(text);
			sink += fields.length + fields[fields.length - 1].length();
		}
		return sink;
	}

	/** The split step with the parser for every line. */
	private static long parseAll(List<String> lines, RFC4180Parser parser) throws IOException {
		long sink = 0;
		for (String text : lines) {
			String[] fields = parser.parseLine(text);
			sink += fields.length + fields[fields.length - 1].length();
		}
		return sink;
	}

}
