package io.ridestream.localkafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cluster of launcher processes, one node each ({@code --nodes 3 --node ID}), as run-local.sh and the fault tests
 * run it: a broker killed with {@code kill -9} while it leads a partition loses no acknowledged write, and started
 * again on its data it rejoins the in-sync replicas.
 */
class LauncherClusterTests {

	@TempDir
	Path tempDir;

	private final Map<Integer, LauncherProcess> nodes = new HashMap<>();

	private int port;

	private int controllerPort;

	@AfterEach
	void killNodes() throws InterruptedException {
		for (LauncherProcess node : this.nodes.values()) {
			node.close();
		}
	}

	@Test
	void aBrokerKilledWhileLeadingLosesNoAcknowledgedWriteAndRejoinsWhenStartedAgain() throws Exception {
		startCluster();
		String bootstrapServers = List.of(1, 2, 3)
			.stream()
			.map((id) -> "127.0.0.1:" + (this.port + 2 * (id - 1)))
			.collect(Collectors.joining(","));
		try (Admin admin = KafkaClients.admin(bootstrapServers)) {
			admin.createTopics(List.of(new NewTopic("killed-leader", Map.of(0, List.of(2, 1, 3)))))
				.all()
				.get(15, TimeUnit.SECONDS);
			send(bootstrapServers, "before");

			this.nodes.get(2).kill();
			await().atMost(Duration.ofSeconds(60)).until(() -> leader(admin) != 2 && isr(admin).equals(Set.of(1, 3)));
			send(bootstrapServers, "after");

			startNode(2);
			await().atMost(Duration.ofSeconds(60)).until(() -> isr(admin).equals(Set.of(1, 2, 3)));
		}
		assertThat(KafkaClients.read("127.0.0.1:" + this.port, "killed-leader", 2))
			.extracting((record) -> record.value())
			.containsExactly("before", "after");
	}

	private void startCluster() throws Exception {
		this.controllerPort = LauncherProcess.freePort();
		this.port = freePortsTwoApart(3);
		startNode(ClusterLayout.CONTROLLER_ID);
		for (int id = 1; id <= 3; id++) {
			startNode(id);
		}
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.nodes.values().stream().allMatch((node) -> node.stdout().contains("ready")));
		assertThat(this.nodes.get(2).stdout()).startsWith("Kafka broker 2 ready on 127.0.0.1:" + (this.port + 2));
		assertThat(this.nodes.get(ClusterLayout.CONTROLLER_ID).stdout())
			.startsWith("Kafka controller 101 ready on 127.0.0.1:" + this.controllerPort);
	}

	private void startNode(int id) throws Exception {
		this.nodes.put(id, LauncherProcess.launch(this.tempDir, "node-" + id + "-" + System.nanoTime(), Map.of(),
				"--nodes", "3", "--node", String.valueOf(id), "--port", String.valueOf(this.port),
				"--controller-port", String.valueOf(this.controllerPort), "--data-dir",
				this.tempDir.resolve("kafka").toString()));
	}

	private static int freePortsTwoApart(int count) throws Exception {
		for (int attempt = 0; attempt < 50; attempt++) {
			int first = LauncherProcess.freePort();
			List<ServerSocket> taken = new ArrayList<>();
			try {
				for (int i = 1; i < count; i++) {
					taken.add(new ServerSocket(first + 2 * i, 1, InetAddress.getLoopbackAddress()));
				}
				return first;
			}
			catch (IOException ex) {
				// taken: try another
			}
			finally {
				for (ServerSocket socket : taken) {
					socket.close();
				}
			}
		}
		throw new IllegalStateException("No free ports two apart");
	}

	private static int leader(Admin admin) throws Exception {
		Node leader = partition(admin).leader();
		return (leader != null) ? leader.id() : -1;
	}

	private static Set<Integer> isr(Admin admin) throws Exception {
		return partition(admin).isr().stream().map(Node::id).collect(Collectors.toSet());
	}

	private static TopicPartitionInfo partition(Admin admin) throws Exception {
		return admin.describeTopics(List.of("killed-leader"))
			.allTopicNames()
			.get(15, TimeUnit.SECONDS)
			.get("killed-leader")
			.partitions()
			.get(0);
	}

	private static void send(String bootstrapServers, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("killed-leader", value)).get(60, TimeUnit.SECONDS);
		}
	}

}
