package io.ridestream.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What compose.cluster.yaml gives on top of compose.yaml, read from the files (the official image cannot run here;
 * CI runs {@code docker-compose config} on both): three brokers and a controller of one cluster, the internal topics
 * replicated three times, and every client listing every broker.
 */
class ComposeClusterFileTest {

	static final List<String> BROKERS = List.of("kafka", "kafka-2", "kafka-3");

	static Map<String, Map<String, Object>> base;

	static Map<String, Map<String, Object>> cluster;

	@BeforeAll
	static void readComposeFiles() throws IOException {
		base = services("compose.yaml");
		cluster = services("compose.cluster.yaml");
	}

	@Test
	void everyBrokerHasItsOwnNodeIdAndHostPortAndIsAdvertisedUnderItsServiceName() {
		Set<Object> ids = BROKERS.stream().map((broker) -> environment(broker).get("KAFKA_NODE_ID")).collect(Collectors.toSet());
		assertThat(ids).containsExactlyInAnyOrder(1, 2, 3);
		for (String broker : BROKERS) {
			assertThat(environment(broker)).containsEntry("KAFKA_PROCESS_ROLES", "broker");
			assertThat(String.valueOf(environment(broker).get("KAFKA_ADVERTISED_LISTENERS")))
				.contains("INTERNAL://" + broker + ":29092");
		}
		Set<Object> hostPorts = BROKERS.stream()
			.map((broker) -> service(broker).get("ports"))
			.collect(Collectors.toSet());
		assertThat(hostPorts).hasSize(3);
	}

	@Test
	void brokersAndControllerAreOneClusterWithTheControllerAsTheOnlyVoter() {
		Map<String, Object> controller = environment("kafka-controller");
		assertThat(controller).containsEntry("KAFKA_PROCESS_ROLES", "controller").containsEntry("KAFKA_NODE_ID", 101);
		for (String broker : BROKERS) {
			assertThat(environment(broker).get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
				.isEqualTo(controller.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
				.isEqualTo("101@kafka-controller:9093");
			assertThat(environment(broker).get("CLUSTER_ID")).isEqualTo(controller.get("CLUSTER_ID"));
		}
	}

	@Test
	void internalTopicsGetThreeReplicasAndTransactionsNeedTwoInSync() {
		for (String broker : BROKERS) {
			assertThat(environment(broker)).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3)
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2)
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
				.containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false");
		}
	}

	@Test
	void theServicesAndTheRegistryListEveryBroker() {
		for (String service : List.of("ride-producer-service", "ride-consumer-service", "ride-consumer-service-2")) {
			assertThat(String.valueOf(environment(service).get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).split(","))
				.containsExactly("kafka:29092", "kafka-2:29092", "kafka-3:29092");
		}
		assertThat(String.valueOf(environment("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")))
			.contains("kafka:29092", "kafka-2:29092", "kafka-3:29092");
	}

	/** The service as both files together define it: the second file's keys over the first's. */
	private static Map<String, Object> service(String name) {
		Map<String, Object> merged = new HashMap<>(base.getOrDefault(name, Map.of()));
		merged.putAll(cluster.getOrDefault(name, Map.of()));
		return merged;
	}

	/** The service's environment, the second file's variables over the first's. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(String name) {
		Map<String, Object> merged = new HashMap<>(
				(Map<String, Object>) base.getOrDefault(name, Map.of()).getOrDefault("environment", Map.of()));
		merged.putAll((Map<String, Object>) cluster.getOrDefault(name, Map.of()).getOrDefault("environment", Map.of()));
		return merged;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services(String file) throws IOException {
		try (Reader compose = Files.newBufferedReader(ServiceProcess.PROJECT_ROOT.resolve(file))) {
			Map<String, Object> yaml = new Yaml().load(compose);
			return (Map<String, Map<String, Object>>) yaml.get("services");
		}
	}

}
