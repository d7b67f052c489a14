package io.ridestream.flinksql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One of the project's runnable jars ({@code <module>/target/*-exec.jar}) in a JVM of its own, as a user starts it,
 * with its output in {@code target/process-logs}. Keeps Spring Boot's and Kafka's class paths apart from Flink's.
 */
final class JarProcess implements AutoCloseable {

	static final Path PROJECT_ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

	private static final Path LOGS = Path.of("target", "process-logs");

	private final String name;

	private final Process process;

	private final Path log;

	private JarProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** Starts the module's exec jar with these arguments and environment variables set (or removed, if null). */
	static JarProcess start(String module, String name, Map<String, String> environment, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-jar");
		command.add(execJar(module).toString());
		command.addAll(arguments);
		try {
			Path log = Files.createDirectories(LOGS).resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
			environment.forEach((variable, value) -> {
				if (value != null) {
					builder.environment().put(variable, value);
				}
				else {
					builder.environment().remove(variable);
				}
			});
			return new JarProcess(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until the condition holds, failing at once if the process exits first; kills it on failure. */
	JarProcess awaitReady(BooleanSupplier ready) {
		try {
			// Generous: two cores, shared with a broker, two services and Flink.
			await(this.name + " ready").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.failFast(this.name + " exited, see " + this.log, () -> !this.process.isAlive())
				.until(ready::getAsBoolean);
			return this;
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
	}

	/** Waits until the process has exited, and returns its status. */
	int awaitExit(Duration timeout) {
		await(this.name + " done").atMost(timeout).until(() -> !this.process.isAlive());
		return this.process.exitValue();
	}

	/** What the process has written so far. */
	String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path log() {
		return this.log;
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> !this.process.isAlive());
			}
			catch (RuntimeException ex) {
				this.process.destroyForcibly();
			}
		}
	}

	static Path execJar(String module) {
		Path target = PROJECT_ROOT.resolve(module).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No exec jar in " + target + ": run ./mvnw verify"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No " + target + ": run ./mvnw verify, which packages the jars", ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
