package io.ridestream.generator;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Command line: writes a file of generated rides (see {@link CommandLineOptions#USAGE}) and prints a summary to
 * standard error, which stays free of data when the CSV goes to standard output; a JSON report on request.
 */
public final class GenerateRides {

	static final int WRITTEN = 0;

	static final int CANNOT_WRITE = 1;

	static final int INVALID_OPTIONS = 2;

	private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

	private GenerateRides() {
	}

	public static void main(String[] args) {
		// parquet-java tells of every compressor it makes; only warnings and errors matter to a user.
		if (System.getProperty(LOG_LEVEL) == null) {
			System.setProperty(LOG_LEVEL, "warn");
		}
		// Not System.out: a PrintStream swallows write errors, so a closed pipe would not stop the generator.
		int status = run(args, new FileOutputStream(FileDescriptor.out), System.err);
		if (status != WRITTEN) {
			System.exit(status);
		}
	}

	/** Everything {@link #main} does but exiting: returns the exit status. */
	static int run(String[] args, OutputStream standardOutput, PrintStream err) {
		CommandLineOptions options;
		try {
			options = CommandLineOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println();
			err.print(CommandLineOptions.USAGE);
			return INVALID_OPTIONS;
		}
		if (options.help()) {
			PrintStream out = new PrintStream(standardOutput, true, StandardCharsets.UTF_8);
			out.print(CommandLineOptions.USAGE);
			out.flush();
			return WRITTEN;
		}
		return generate(options, standardOutput, err);
	}

	private static int generate(CommandLineOptions options, OutputStream standardOutput, PrintStream err) {
		RideGenerator generator = new RideGenerator(options.settings());
		long started = System.nanoTime();
		GenerationResult result;
		try {
			result = options.writesToStandardOutput() ? generator.write(standardOutput, options.format())
					: generator.write(Path.of(options.output()), options.format());
		}
		catch (IOException | InvalidPathException ex) {
			err.println("Cannot write " + options.output() + ": " + describe(ex));
			return CANNOT_WRITE;
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return INVALID_OPTIONS;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		if (options.malformedLinesFile() != null) {
			try {
				writeLineNumbers(result, options.malformedLinesFile());
			}
			catch (IOException ex) {
				err.println("Cannot write " + options.malformedLinesFile() + ": " + describe(ex));
				return CANNOT_WRITE;
			}
		}
		if (options.reportFile() != null) {
			try {
				Files.writeString(options.reportFile(),
						Report.json(result, options.settings(), options.output(), seconds) + "\n");
			}
			catch (IOException ex) {
				err.println("Cannot write " + options.reportFile() + ": " + describe(ex));
				return CANNOT_WRITE;
			}
		}
		err.println(Report.summary(result, options.settings(), options.output(), seconds));
		return WRITTEN;
	}

	private static void writeLineNumbers(GenerationResult result, Path file) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
			for (long line : result.malformedLines()) {
				out.write(Long.toString(line));
				out.write('\n');
			}
		}
	}

	private static String describe(Exception ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such directory";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
