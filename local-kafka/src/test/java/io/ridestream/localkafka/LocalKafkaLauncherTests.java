package io.ridestream.localkafka;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command-line launcher, run as its own process the way run-local.sh runs it.
 */
class LocalKafkaLauncherTests {

	@TempDir
	Path tempDir;

	private LauncherProcess launcher;

	private Process process;

	@AfterEach
	void stopProcess() throws InterruptedException {
		if (this.launcher != null) {
			this.launcher.close();
		}
	}

	@Test
	void printsOneReadyLineAndWritesKafkasLogToTheDataDirectory() throws Exception {
		int port = freePort();
		Path dataDir = this.tempDir.resolve("kafka-data");

		launch(Map.of("KAFKA_PORT", String.valueOf(port), "KAFKA_CONTROLLER_PORT", String.valueOf(freePort())),
				"--data-dir", dataDir.toString());

		await().atMost(Duration.ofSeconds(60)).until(() -> stdout().contains("ready"));
		assertThat(stdout()).matches("Kafka broker ready on 127\\.0\\.0\\.1:" + port + " \\(data in "
				+ dataDir.toString().replace("\\", "\\\\") + ", started in \\d+\\.\\d s\\)\\R");
		assertThat(stderr()).doesNotContain("INFO");
		assertThat(dataDir.resolve("server.log")).content().contains("KafkaConfig values", "Kafka broker ready on");
		assertThat(KafkaClients.topicNames("127.0.0.1:" + port)).isEmpty();
	}

	@Test
	void shutsDownCleanlyOnSigterm() throws Exception {
		Path dataDir = this.tempDir.resolve("kafka-data");
		launch(Map.of(), "--port", String.valueOf(freePort()), "--controller-port", String.valueOf(freePort()),
				"--data-dir", dataDir.toString());
		await().atMost(Duration.ofSeconds(60)).until(() -> stdout().contains("ready"));

		this.process.destroy();

		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isEqualTo(143);
		assertThat(dataDir.resolve("server.log")).content().contains("Kafka broker stopped");
	}

	@Test
	void exitsWithOneLineWhenThePortIsInUse() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			launch(Map.of(), "--port", String.valueOf(taken.getLocalPort()), "--data-dir",
					this.tempDir.resolve("kafka-data").toString());

			assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(this.process.exitValue()).isEqualTo(1);
			assertThat(stderr()).startsWith("local-kafka: Cannot start Kafka: the PLAINTEXT listener port "
					+ taken.getLocalPort() + " on 127.0.0.1 is already in use by another process")
				.doesNotContain("\tat ");
			assertThat(stdout()).isEmpty();
		}
	}

	@Test
	void exitsWithUsageOnAnUnknownOption() throws Exception {
		launch(Map.of(), "--topic", "rides");

		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isEqualTo(2);
		assertThat(stderr()).startsWith("local-kafka: Unknown option: --topic").contains("Usage:");
	}

	private void launch(Map<String, String> environment, String... args) throws Exception {
		this.launcher = LauncherProcess.launch(this.tempDir, "launcher", environment, args);
		this.process = this.launcher.process();
	}

	private String stdout() {
		return this.launcher.stdout();
	}

	private String stderr() {
		return this.launcher.stderr();
	}

	private static int freePort() throws Exception {
		return LauncherProcess.freePort();
	}

}
