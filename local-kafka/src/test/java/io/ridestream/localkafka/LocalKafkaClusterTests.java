package io.ridestream.localkafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Three brokers and a controller in this JVM: one cluster, replicated as configured, and a broker that stops and
 * starts again while the others serve. Tests that stop brokers start them again before they end.
 */
class LocalKafkaClusterTests {

	static LocalKafkaCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = LocalKafkaCluster.start(3);
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void everyBrokerAnswersForTheSameClusterOfThreeBrokers() throws Exception {
		Set<String> clusterIds = new HashSet<>();
		for (int broker = 1; broker <= 3; broker++) {
			try (Admin admin = KafkaClients.admin(cluster.bootstrapServers(broker))) {
				clusterIds.add(admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS));
				Collection<Node> nodes = admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
				assertThat(nodes).extracting(Node::id).containsExactlyInAnyOrder(1, 2, 3);
			}
		}
		assertThat(clusterIds).hasSize(1);
	}

	@Test
	void topicsGetThreeReplicasAndNeedTwoInSyncByDefault() throws Exception {
		try (Admin admin = KafkaClients.admin(cluster.bootstrapServers())) {
			admin.createTopics(List.of(new NewTopic("defaults", Optional.of(3), Optional.empty())))
				.all()
				.get(15, TimeUnit.SECONDS);

			assertThat(describe(admin, "defaults").partitions()).allSatisfy(
					(partition) -> assertThat(partition.replicas()).hasSize(3));
			assertThat(topicConfig(admin, "defaults").get("min.insync.replicas").value()).isEqualTo("2");
			assertThat(topicConfig(admin, "defaults").get("unclean.leader.election.enable").value()).isEqualTo("false");
		}
	}

	@Test
	void committedOffsetsAreKeptOnThreeReplicas() throws Exception {
		commitAnOffset("offsets-group");
		try (Admin admin = KafkaClients.admin(cluster.bootstrapServers())) {
			assertThat(describe(admin, "__consumer_offsets").partitions())
				.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(3));
			assertThat(topicConfig(admin, "__consumer_offsets").get("min.insync.replicas").value()).isEqualTo("2");
		}
	}

	@Test
	void aStoppedBrokerLeavesTheOthersTakingWritesAndRejoinsTheInSyncReplicasWhenStarted() throws Exception {
		createTopic("one-down");
		cluster.stopBroker(2);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> inSyncReplicas("one-down").equals(Set.of(1, 3)));
			send("one-down", Map.of());
		}
		finally {
			cluster.startBroker(2);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> inSyncReplicas("one-down").equals(Set.of(1, 2, 3)));
		assertThat(KafkaClients.read(cluster.bootstrapServers(2), "one-down", 1)).hasSize(1);
	}

	@Test
	void twoStoppedBrokersLeaveTooFewInSyncReplicasToTakeAWrite() throws Exception {
		createTopic("two-down");
		cluster.stopBroker(2);
		cluster.stopBroker(3);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> inSyncReplicas("two-down").equals(Set.of(1)));
			assertThatExceptionOfType(ExecutionException.class)
				// Without retries, to see the broker's answer rather than the producer's timeout.
				.isThrownBy(() -> send("two-down", Map.of(ProducerConfig.RETRIES_CONFIG, 0,
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false)))
				.withCauseInstanceOf(NotEnoughReplicasException.class);
		}
		finally {
			cluster.startBroker(2);
			cluster.startBroker(3);
		}
	}

	private static void createTopic(String topic) throws Exception {
		try (Admin admin = KafkaClients.admin(cluster.bootstrapServers())) {
			// One partition led by broker 1, which the tests keep running.
			admin.createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(1, 2, 3))))).all().get(15, TimeUnit.SECONDS);
		}
	}

	private static Set<Integer> inSyncReplicas(String topic) throws Exception {
		try (Admin admin = KafkaClients.admin(cluster.bootstrapServers(1))) {
			TopicPartitionInfo partition = describe(admin, topic).partitions().get(0);
			return partition.isr().stream().map(Node::id).collect(Collectors.toSet());
		}
	}

	private static void send(String topic, Map<String, Object> settings) throws Exception {
		Map<String, Object> config = new HashMap<>(settings);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(1));
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "key", "value")).get(30, TimeUnit.SECONDS);
		}
	}

	private static void commitAnOffset(String group) throws Exception {
		createTopic("offsets");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						group),
				new StringDeserializer(), new StringDeserializer())) {
			TopicPartition partition = new TopicPartition("offsets", 0);
			consumer.assign(List.of(partition));
			consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)), Duration.ofSeconds(30));
		}
	}

	/** The topic as the broker asked knows it: a new topic reaches each broker's metadata a moment after it exists. */
	private static TopicDescription describe(Admin admin, String topic) {
		return await().atMost(Duration.ofSeconds(15))
			.ignoreExceptions()
			.until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic),
					Objects::nonNull);
	}

	private static Config topicConfig(Admin admin, String topic) {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		return await().atMost(Duration.ofSeconds(15))
			.ignoreExceptions()
			.until(() -> admin.describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS).get(resource),
					Objects::nonNull);
	}

}
