package io.ridestream.localkafka;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A broker that cannot start says why in one sentence and leaves nothing running.
 */
class LocalKafkaBrokerStartupFailureTests {

	@TempDir
	Path tempDir;

	@Test
	void refusesAPortThatIsAlreadyInUse() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			LocalKafkaBroker kafka = LocalKafkaBroker.builder()
				.port(taken.getLocalPort())
				.dataDir(this.tempDir.resolve("data"))
				.build();

			assertThatExceptionOfType(LocalKafkaException.class).isThrownBy(kafka::start)
				.withMessage("Cannot start Kafka: the PLAINTEXT listener port " + taken.getLocalPort()
						+ " on 127.0.0.1 is already in use by another process");
		}
	}

	@Test
	void refusesAControllerPortThatIsAlreadyInUse() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			LocalKafkaBroker kafka = LocalKafkaBroker.builder()
				.controllerPort(taken.getLocalPort())
				.dataDir(this.tempDir.resolve("data"))
				.build();

			assertThatExceptionOfType(LocalKafkaException.class).isThrownBy(kafka::start)
				.withMessageContaining("controller port " + taken.getLocalPort())
				.withMessageContaining("already in use");
		}
	}

	@Test
	void refusesADataDirectoryThatIsAFile() throws Exception {
		Path file = Files.writeString(this.tempDir.resolve("not-a-directory"), "x");
		LocalKafkaBroker kafka = LocalKafkaBroker.builder().dataDir(file).build();

		assertThatExceptionOfType(LocalKafkaException.class).isThrownBy(kafka::start)
			.withMessage("Kafka data directory " + file + " exists but is not a directory");
	}

	@Test
	void refusesAnInvalidServerProperty() {
		LocalKafkaBroker kafka = LocalKafkaBroker.builder()
			.dataDir(this.tempDir.resolve("data"))
			.serverProperty("num.partitions", "several")
			.build();

		assertThatExceptionOfType(LocalKafkaException.class).isThrownBy(kafka::start)
			.withMessageStartingWith("Invalid Kafka broker configuration: Invalid value several for configuration num.partitions");
		assertThat(this.tempDir.resolve("data/kraft-combined-logs")).doesNotExist();
	}

	@Test
	void stopsTheControllerWhenTheBrokerPartFailsToStart() throws Exception {
		int controllerPort = freePort();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			// Listeners set by hand escape the port check, so the failure comes from Kafka itself, once the
			// controller is already running.
			LocalKafkaBroker kafka = LocalKafkaBroker.builder()
				.controllerPort(controllerPort)
				.dataDir(this.tempDir.resolve("data"))
				.serverProperty("listeners", "PLAINTEXT://127.0.0.1:" + taken.getLocalPort()
						+ ",CONTROLLER://127.0.0.1:" + controllerPort)
				.build();

			assertThatExceptionOfType(LocalKafkaException.class).isThrownBy(kafka::start)
				.withMessageStartingWith("Kafka broker failed to start: ")
				.withMessageContaining("Address already in use");
		}
		try (ServerSocket controllerPortAgain = new ServerSocket(controllerPort, 1, InetAddress.getLoopbackAddress())) {
			assertThat(controllerPortAgain.isBound()).isTrue();
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
