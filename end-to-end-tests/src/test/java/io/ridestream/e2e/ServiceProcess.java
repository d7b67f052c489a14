package io.ridestream.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One of our services started from its packaged jar, as a user starts it, with its output in
 * {@code target/e2e-logs}.
 */
final class ServiceProcess implements AutoCloseable {

	static final Path PROJECT_ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

	private final String module;

	private final Map<String, String> environment;

	private final List<String> arguments;

	private final int port;

	private Process process;

	private ServiceProcess(String module, int port, Map<String, String> environment, List<String> arguments) {
		this.module = module;
		this.port = port;
		this.environment = environment;
		this.arguments = arguments;
	}

	/** Starts the module's exec jar on a free port and waits until its readiness probe answers UP. */
	static ServiceProcess start(String module, String... arguments) {
		return start(module, Map.of(), arguments);
	}

	/** The same, with these environment variables set. */
	static ServiceProcess start(String module, Map<String, String> environment, String... arguments) {
		ServiceProcess service = new ServiceProcess(module, freePort(), environment, List.of(arguments));
		service.start();
		return service;
	}

	void start() {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-jar");
		command.add(execJar(this.module).toString());
		command.add("--server.port=" + this.port);
		command.addAll(this.arguments);
		try {
			Files.createDirectories(log().getParent());
			File log = log().toFile();
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			// Generous: on a 2-core machine busy with a cluster of brokers, a consumer restoring its statistics takes
			// a while.
			await(this.module + " ready on port " + this.port).atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.failFast("the process exited", () -> !this.process.isAlive())
				.until(() -> Http.status(url("/actuator/health/readiness")) == 200);
		}
		catch (RuntimeException | Error ex) {
			// A service that never got ready is not left running after the test (seen: one outlived its test run).
			kill();
			throw ex;
		}
	}

	/** Kills the process the hard way, as a crash or OOM killer would. */
	void kill() {
		this.process.destroyForcibly();
		awaitExit();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	int port() {
		return this.port;
	}

	/** Where the process's output goes. */
	Path log() {
		return Path.of("target", "e2e-logs", this.module + "-" + this.port + ".log");
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			awaitExit();
		}
	}

	private void awaitExit() {
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.process.isAlive());
	}

	static Path execJar(String module) {
		Path target = PROJECT_ROOT.resolve(module).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No exec jar in " + target + ": run ./mvnw verify"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No " + target + ": run ./mvnw verify, which packages the services", ex);
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
