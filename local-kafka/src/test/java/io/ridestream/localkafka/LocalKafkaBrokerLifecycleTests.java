package io.ridestream.localkafka;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Starting, stopping and restarting brokers on a data directory.
 */
class LocalKafkaBrokerLifecycleTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsTopicsAndRecordsWhenRestartedOnTheSameDataDirectory() throws Exception {
		try (LocalKafkaBroker first = LocalKafkaBroker.builder().dataDir(this.dataDir).build().start()) {
			assertThat(first.storageFormatted()).isTrue();
			KafkaClients.createTopic(first.bootstrapServers(), "rides");
			KafkaClients.send(first.bootstrapServers(), "rides", "ride-1", "survives restarts");
		}

		try (LocalKafkaBroker second = LocalKafkaBroker.builder().dataDir(this.dataDir).build().start()) {
			System.out.println("Broker restart time: " + second.startupTime().toMillis() + " ms");
			assertThat(second.storageFormatted()).isFalse();
			assertThat(KafkaClients.read(second.bootstrapServers(), "rides", 1))
				.singleElement()
				.satisfies((record) -> assertThat(record.value()).isEqualTo("survives restarts"));
		}
	}

	@Test
	void formatsStorageOnFirstStartInTheDataDirectory() {
		try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().dataDir(this.dataDir).build().start()) {
			assertThat(kafka.dataDir()).isEqualTo(this.dataDir.toAbsolutePath());
			assertThat(this.dataDir.resolve("kraft-combined-logs/meta.properties")).isRegularFile();
		}
		assertThat(this.dataDir).isDirectory();
	}

	@Test
	void deletesItsTemporaryDataDirectoryWhenClosed() {
		Path temporaryDir;
		try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().build().start()) {
			temporaryDir = kafka.dataDir();
			assertThat(temporaryDir).isDirectory();
		}
		assertThat(Files.exists(temporaryDir)).isFalse();
	}

	@Test
	void releasesItsPortsWhenClosed() throws Exception {
		int port;
		int controllerPort;
		try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().dataDir(this.dataDir).build().start()) {
			port = kafka.port();
			controllerPort = kafka.controllerPort();
		}

		try (LocalKafkaBroker again = LocalKafkaBroker.builder()
			.port(port)
			.controllerPort(controllerPort)
			.dataDir(this.dataDir)
			.build()
			.start()) {
			assertThat(again.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
		}
	}

	@Test
	void hasNoAddressBeforeItStarts() {
		LocalKafkaBroker kafka = LocalKafkaBroker.builder().dataDir(this.dataDir).build();

		assertThatIllegalStateException().isThrownBy(kafka::bootstrapServers).withMessage("The Kafka broker has not been started");
	}

	@Test
	void startsOnlyOnce() {
		try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().dataDir(this.dataDir).build().start()) {
			assertThatIllegalStateException().isThrownBy(kafka::start).withMessageContaining("starts only once");
		}
	}

}
