package io.ridestream.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command-line launcher run as its own process, the way run-local.sh runs it, on this JVM's class path (under
 * Maven's test runner, the tests' class path); its output in files.
 */
final class LauncherProcess implements AutoCloseable {

	private final Process process;

	private final Path stdout;

	private final Path stderr;

	private LauncherProcess(Process process, Path stdout, Path stderr) {
		this.process = process;
		this.stdout = stdout;
		this.stderr = stderr;
	}

	/** Starts the launcher in {@code directory} with only the given KAFKA_ variables; output in name-stdout.txt. */
	static LauncherProcess launch(Path directory, String name, Map<String, String> environment, String... args)
			throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath,
				LocalKafka.class.getName()));
		command.addAll(List.of(args));
		Path stdout = directory.resolve(name + "-stdout.txt");
		Path stderr = directory.resolve(name + "-stderr.txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		builder.environment().keySet().removeIf((variable) -> variable.startsWith("KAFKA_"));
		builder.environment().putAll(environment);
		return new LauncherProcess(builder.start(), stdout, stderr);
	}

	Process process() {
		return this.process;
	}

	String stdout() {
		return read(this.stdout);
	}

	String stderr() {
		return read(this.stderr);
	}

	/** {@code kill -9}: no shutdown hook runs, as when a machine or a JVM dies. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
