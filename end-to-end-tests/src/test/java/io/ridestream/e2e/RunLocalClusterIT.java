package io.ridestream.e2e;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import io.ridestream.localkafka.KafkaProcessCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code KAFKA_NODES=3 ./run-local.sh}, as the README shows it: three brokers and a controller as processes of their
 * own, the services on all three, topics replicated three times; a broker killed while it serves leaves the stack
 * serving and counting exactly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunLocalClusterIT {

	static final Path RUN_DIR = Path.of("target", "run-local-cluster-it").toAbsolutePath();

	static final Path OUTPUT = RUN_DIR.resolve("output.txt");

	static int kafkaPort;

	static int producerPort = ServiceProcess.freePort();

	static int consumerPort = ServiceProcess.freePort();

	static Process script;

	static Admin admin;

	@BeforeAll
	static void startScript() throws IOException {
		Files.createDirectories(RUN_DIR);
		kafkaPort = KafkaProcessCluster.freeBrokerPorts(3);
		ProcessBuilder builder = new ProcessBuilder("bash", "run-local.sh")
			.directory(ServiceProcess.PROJECT_ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(OUTPUT.toFile());
		builder.environment()
			.putAll(Map.of("KAFKA_NODES", "3", "KAFKA_PORT", String.valueOf(kafkaPort), "KAFKA_CONTROLLER_PORT",
					String.valueOf(ServiceProcess.freePort()), "PRODUCER_PORT", String.valueOf(producerPort),
					"CONSUMER_PORT", String.valueOf(consumerPort), "RUN_DIR", RUN_DIR.toString()));
		script = builder.start();
		await("run-local.sh serving").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(500))
			.failFast("run-local.sh exited early:\n" + OUTPUT, () -> !script.isAlive())
			.until(() -> output().contains("Serving; press Ctrl-C to stop."));
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
	}

	@AfterAll
	static void stopScript() {
		if (admin != null) {
			admin.close(Duration.ofSeconds(1));
		}
		if (script != null && script.isAlive()) {
			script.descendants().forEach(ProcessHandle::destroyForcibly);
			script.destroyForcibly();
		}
	}

	@Test
	@Order(1)
	void startsThreeBrokersAndAControllerAndGivesTheServicesEveryBroker() {
		assertThat(output()).contains("Kafka controller 101 ready on")
			.contains("Kafka broker 1 ready on 127.0.0.1:" + kafkaPort)
			.contains("Kafka broker 2 ready on 127.0.0.1:" + (kafkaPort + 2))
			.contains("Kafka broker 3 ready on 127.0.0.1:" + (kafkaPort + 4));
		assertThat(script.descendants().map((process) -> process.info().commandLine().orElse(""))
			.filter((command) -> command.contains("--server.port=")))
			.hasSize(2)
			.allMatch((command) -> command.contains("--spring.kafka.bootstrap-servers=" + bootstrapServers()));
	}

	@Test
	@Order(2)
	void replaysRidesCsvExactlyOnTheCluster() {
		long rides = RidesCsvFigures.of(RidesCsvFigures.BUNDLED).rides();

		assertThat(output()).containsPattern("\"published\": ?" + rides + ",")
			.containsPattern("(?m)^Rides +" + rides + "$");
	}

	@Test
	@Order(3)
	void replicatesTheTopicsThreeTimesNeedingTwoInSync() {
		for (String topic : List.of("rides", "rides-stats", "rides-dlt")) {
			assertThat(describe(topic).partitions()).as(topic)
				.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(3));
			assertThat(config(topic).get("min.insync.replicas").value()).as(topic).isEqualTo("2");
		}
	}

	@Test
	@Order(4)
	void aKilledBrokerLeavesTheStackServingAndIsToldHowToStartAgain() {
		ProcessHandle broker2 = script.children()
			.filter((process) -> process.info().commandLine().orElse("").contains("--node 2 "))
			.findFirst()
			.orElseThrow();
		broker2.destroyForcibly();

		// The script prints the notice and the command to start the broker again as separate lines.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output()).contains("Kafka broker 2 exited")
				.contains("Start it again with:")
				.contains("--nodes 3 --node 2"));
		JsonNode job = Http.post("http://127.0.0.1:" + producerPort + "/rides/replay?wait=true", null,
				BodyPublishers.noBody()).json();
		assertThat(job.get("state").asString()).isEqualTo("COMPLETED");
		long rides = RidesCsvFigures.of(RidesCsvFigures.BUNDLED).rides();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Http.get("http://127.0.0.1:" + consumerPort + "/stats").json().get("totalRides").asLong(),
					(total) -> total == 2 * rides);
		assertThat(script.isAlive()).isTrue();
	}

	@Test
	@Order(5)
	void stopsEveryNodeAndServiceOnSigterm() throws InterruptedException {
		List<ProcessHandle> started = script.descendants().toList();
		script.destroy();

		assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(script.exitValue()).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
	}

	private static String bootstrapServers() {
		return "127.0.0.1:" + kafkaPort + ",127.0.0.1:" + (kafkaPort + 2) + ",127.0.0.1:" + (kafkaPort + 4);
	}

	private static TopicDescription describe(String topic) {
		return await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic),
					Objects::nonNull);
	}

	private static Config config(String topic) {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		return await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource),
					Objects::nonNull);
	}

	private static String output() {
		try {
			return Files.readString(OUTPUT, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
