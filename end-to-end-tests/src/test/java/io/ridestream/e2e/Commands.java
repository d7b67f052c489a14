package io.ridestream.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Outside programs the tests run: Node.js scripts, npm, kcat.
 */
final class Commands {

	private Commands() {
	}

	/** Whether the command can be run and succeeds, e.g. {@code runs("kcat", "-V")}. */
	static boolean runs(String... command) {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Runs the command in a directory, its output and errors to these files (the same file for both, if they are
	 * equal); the exit code. Fails the test, killing the command, when it takes longer than the timeout.
	 */
	static int run(Path directory, Path out, Path err, Duration timeout, Map<String, String> environment,
			String... command) {
		try {
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.createDirectories(err.toAbsolutePath().getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
			if (out.equals(err)) {
				builder.redirectErrorStream(true).redirectOutput(out.toFile());
			}
			else {
				builder.redirectOutput(out.toFile()).redirectError(err.toFile());
			}
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				fail("%s did not finish within %s; the end of %s:%n%s", String.join(" ", command), timeout, err,
						tail(err, 60));
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code npm ci} in a Node project when its node_modules is missing or older than its package-lock.json, as after
	 * a checkout.
	 * @param hint what to say when it fails, besides the end of its log
	 */
	static void npmCiUnlessUpToDate(Path project, Path log, String hint) throws IOException {
		Path installed = project.resolve("node_modules/.package-lock.json");
		FileTime locked = Files.getLastModifiedTime(project.resolve("package-lock.json"));
		if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(locked) >= 0) {
			return;
		}
		int npm = run(project, log, log, Duration.ofMinutes(5), Map.of(), "npm", "ci", "--no-audit", "--no-fund");
		assertThat(npm).as("npm ci in %s failed%s; the end of %s:%n%s", project, hint, log, tail(log, 30)).isZero();
	}

	/** The last lines of a log, for a failure's message. */
	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no " + log + ")";
		}
	}

}
