package io.ridestream.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command, {@code ./run-local.sh}, as a newcomer runs it: it brings up Kafka and both services,
 * replays rides.csv, prints exact statistics, serves until SIGTERM and then leaves nothing running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunLocalScriptIT {

	static final Path RUN_DIR = Path.of("target", "run-local-it").toAbsolutePath();

	static final Path OUTPUT = RUN_DIR.resolve("output.txt");

	static final Map<String, Integer> PORTS = Map.of("PRODUCER_PORT", ServiceProcess.freePort(), "CONSUMER_PORT",
			ServiceProcess.freePort(), "KAFKA_PORT", ServiceProcess.freePort(), "KAFKA_CONTROLLER_PORT",
			ServiceProcess.freePort());

	static Process script;

	static List<ProcessHandle> started;

	@BeforeAll
	static void startScript() throws IOException {
		Files.createDirectories(RUN_DIR);
		ProcessBuilder builder = new ProcessBuilder("bash", "run-local.sh")
			.directory(ServiceProcess.PROJECT_ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(OUTPUT.toFile());
		PORTS.forEach((name, port) -> builder.environment().put(name, port.toString()));
		builder.environment().put("RUN_DIR", RUN_DIR.toString());
		script = builder.start();
		await("run-local.sh serving").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.failFast("run-local.sh exited early:\n" + OUTPUT, () -> !script.isAlive())
			.until(() -> output().contains("Serving; press Ctrl-C to stop."));
		started = script.descendants().toList();
	}

	@AfterAll
	static void stopScript() {
		if (script != null && script.isAlive()) {
			script.descendants().forEach(ProcessHandle::destroyForcibly);
			script.destroyForcibly();
		}
	}

	@Test
	@Order(1)
	void replaysEveryRideOfRidesCsvAndPrintsTheJob() {
		long rides = RidesCsvFigures.of(RidesCsvFigures.BUNDLED).rides();

		assertThat(output()).containsPattern("\"state\": ?\"COMPLETED\"")
			.containsPattern("\"published\": ?" + rides + ",")
			.containsPattern("\"rejected\": ?0,");
	}

	@Test
	@Order(2)
	void printsStatisticsEqualToAnIndependentComputation() {
		RidesCsvFigures expected = RidesCsvFigures.of(RidesCsvFigures.BUNDLED);

		assertThat(output()).containsPattern("(?m)^Rides +" + expected.rides() + "$")
			.containsPattern("(?m)^Passengers +" + expected.passengers() + "$")
			.containsPattern("(?m)^Total amount +\\$" + String.format("%,.2f", expected.totalAmount()) + "$");
	}

	@Test
	@Order(3)
	void startsKafkaAndBothServicesAsItsOwnProcesses() {
		assertThat(started).filteredOn((process) -> process.info().commandLine().orElse("").contains("-exec.jar"))
			.hasSize(3);
	}

	@Test
	@Order(4)
	void bindsTheServicesToLoopbackByDefault() {
		assertThat(started).map((process) -> process.info().commandLine().orElse(""))
			.filteredOn((command) -> command.contains("--server.port="))
			.hasSize(2)
			.allMatch((command) -> command.contains("--server.address=127.0.0.1"));
	}

	@Test
	@Order(5)
	void stopsEverythingItStartedOnSigtermAndExitsCleanly() throws InterruptedException {
		script.destroy();

		assertThat(script.waitFor()).isZero();
		assertThat(started).noneMatch(ProcessHandle::isAlive);
		assertThat(PORTS.values()).allMatch((port) -> Http.status("http://127.0.0.1:" + port + "/") == -1);
	}

	@Test
	@Order(6)
	void countsTheRidesOfBothRunsWhenRunAgainKeepingKafkasData() throws Exception {
		Path output = RUN_DIR.resolve("output-keep-kafka-data.txt");
		ProcessBuilder builder = new ProcessBuilder("bash", "run-local.sh", "--once")
			.directory(ServiceProcess.PROJECT_ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		PORTS.forEach((name, port) -> builder.environment().put(name, port.toString()));
		builder.environment().put("RUN_DIR", RUN_DIR.toString());
		builder.environment().put("KEEP_KAFKA_DATA", "true");
		Process again = builder.start();
		try {
			boolean exited = again.waitFor(4, java.util.concurrent.TimeUnit.MINUTES);

			String printed = output(output);
			assertThat(exited).as("exited, printing:%n%s", printed).isTrue();
			assertThat(again.exitValue()).as("exit status, printing:%n%s", printed).isZero();
			long rides = RidesCsvFigures.of(RidesCsvFigures.BUNDLED).rides();
			assertThat(printed).containsPattern("(?m)^Rides +" + 2 * rides + "$");
		}
		finally {
			again.descendants().forEach(ProcessHandle::destroyForcibly);
			again.destroyForcibly();
		}
	}

	private static String output() {
		return output(OUTPUT);
	}

	private static String output(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
