package io.ridestream.localkafka;

import java.time.Duration;
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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cluster of launcher processes, one node each ({@code --nodes 3 --node ID}), as run-local.sh and the fault tests
 * run it: a broker killed with {@code kill -9} while it leads a partition loses no acknowledged write, and started
 * again on its data it rejoins the in-sync replicas.
 */
class LauncherClusterTests {

	@Test
	void aBrokerKilledWhileLeadingLosesNoAcknowledgedWriteAndRejoinsWhenStartedAgain() throws Exception {
		try (KafkaProcessCluster cluster = KafkaProcessCluster.start(3);
				Admin admin = KafkaClients.admin(cluster.bootstrapServers())) {
			admin.createTopics(List.of(new NewTopic("killed-leader", Map.of(0, List.of(2, 1, 3)))))
				.all()
				.get(15, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> leader(admin) == 2);
			send(cluster.bootstrapServers(), "before");

			cluster.killNode(2);
			assertThat(cluster.isNodeRunning(2)).isFalse();
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> leader(admin) != 2 && isr(admin).equals(Set.of(1, 3)));
			send(cluster.bootstrapServers(), "after");

			cluster.startNode(2);
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> isr(admin).equals(Set.of(1, 2, 3)));
			assertThat(KafkaClients.read(cluster.bootstrapServers(2), "killed-leader", 2))
				.extracting((record) -> record.value())
				.containsExactly("before", "after");
		}
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
