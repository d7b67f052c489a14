package io.ridestream.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One of the Ride Stream services, started in its own JVM (default JVM options unless its launch adds some), on a
 * free HTTP port.
 */
final class ServiceProcess implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration HEAP_POLL_INTERVAL = Duration.ofMillis(200);

	private final String name;

	private final Process process;

	private final Path log;

	private final int port;

	private final long startedNanos;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final ScheduledExecutorService heapPoller = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "heap-poller");
		thread.setDaemon(true);
		return thread;
	});

	private volatile double peakHeapUsedBytes = Double.NaN;

	private double secondsToReady = Double.NaN;

	private ServiceProcess(String name, Process process, Path log, int port, long startedNanos) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.port = port;
		this.startedNanos = startedNanos;
	}

	/**
	 * Starts the service with the given environment (on top of this process's) and {@code SERVER_PORT} set to a
	 * free port.
	 */
	static ServiceProcess start(String name, ServiceLaunch launch, Map<String, String> environment, Path log) {
		int port = freePort();
		Map<String, String> withPort = new HashMap<>(environment);
		withPort.put("SERVER_PORT", Integer.toString(port));
		try {
			long started = System.nanoTime();
			Process process = JavaProcesses.start(launch.command(List.of()), withPort, log);
			return new ServiceProcess(name, process, log, port, started);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + " from " + launch.jar(), ex);
		}
	}

	/**
	 * Waits for the first 200 of {@code /actuator/health/readiness}, polling every 20 ms.
	 * @return seconds from starting the JVM to ready
	 */
	double awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!checkReady()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " was not ready within " + timeout + "; see " + this.log);
			}
			pause(20);
		}
		return this.secondsToReady;
	}

	/**
	 * Asks {@code /actuator/health/readiness} once, unless the service was found ready before. Once ready, the
	 * heap used is polled every 200 ms.
	 * @return whether the service is ready
	 * @throws IllegalStateException if the service exited
	 */
	boolean checkReady() {
		if (!Double.isNaN(this.secondsToReady)) {
			return true;
		}
		requireAlive();
		HttpResponse<String> response = tryGet("/actuator/health/readiness");
		if (response == null || response.statusCode() != 200) {
			return false;
		}
		this.secondsToReady = (System.nanoTime() - this.startedNanos) / 1e9;
		this.heapPoller.scheduleAtFixedRate(this::pollHeap, 0, HEAP_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		return true;
	}

	/** A GET answered with JSON, or null if the service did not answer (yet). */
	JsonNode getJson(String path) {
		HttpResponse<String> response = tryGet(path);
		if (response == null || response.statusCode() != 200) {
			return null;
		}
		return readJson(response.body());
	}

	static JsonNode readJson(String text) {
		return json.readTree(text);
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	void requireAlive() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.name + " exited with status " + this.process.exitValue() + "; see "
					+ this.log);
		}
	}

	/** Start-up time, peak RSS and the highest heap use seen so far; call before {@link #close()}. */
	ServiceFootprint footprint() {
		pollHeap();
		return new ServiceFootprint(this.secondsToReady, peakRssBytes(), this.peakHeapUsedBytes);
	}

	@Override
	public void close() {
		this.heapPoller.shutdownNow();
		JavaProcesses.stop(this.process);
	}

	private void pollHeap() {
		JsonNode metric = getJson("/actuator/metrics/jvm.memory.used?tag=area:heap");
		if (metric == null) {
			return;
		}
		for (JsonNode measurement : metric.path("measurements")) {
			if ("VALUE".equals(measurement.path("statistic").asString())) {
				double used = measurement.path("value").asDouble();
				synchronized (this) {
					if (Double.isNaN(this.peakHeapUsedBytes) || used > this.peakHeapUsedBytes) {
						this.peakHeapUsedBytes = used;
					}
				}
			}
		}
	}

	/** The peak resident set size of the JVM ({@code VmHWM} in /proc, Linux only), NaN where unknown. */
	private double peakRssBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or the process is gone
		}
		return Double.NaN;
	}

	private HttpResponse<String> tryGet(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find a free port", ex);
		}
	}

}
