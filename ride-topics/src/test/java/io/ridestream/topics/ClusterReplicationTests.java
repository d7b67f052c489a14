package io.ridestream.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.ridestream.localkafka.LocalKafkaCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A service's topics on a cluster of three brokers: replicated as the cluster allows, and an existing topic weaker
 * than declared reported at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterReplicationTests {

	static LocalKafkaCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = LocalKafkaCluster.start(3);
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	private ApplicationContextRunner service() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ReplicationAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=" + cluster.bootstrapServers());
	}

	@Test
	void aTopicDeclaredOnThreeBrokersGetsThreeReplicasTwoInSyncAndNoUncleanElection() throws Exception {
		service().withUserConfiguration(DeclaresTopic.class).withPropertyValues("topic.name=replicated").run((context) -> {
			assertThat(context.getBean(Replication.class)).isEqualTo(new Replication((short) 3, 2));
		});

		try (Admin admin = admin()) {
			assertThat(describe(admin, "replicated").partitions())
				.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(3));
			Config config = topicConfig(admin, "replicated");
			assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
			assertThat(config.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG).value()).isEqualTo("false");
		}
	}

	@Test
	void aConfiguredReplicationFactorIsUsedWhateverTheCluster() throws Exception {
		service().withUserConfiguration(DeclaresTopic.class)
			.withPropertyValues("topic.name=two-copies", "ridestream.replication.factor=2")
			.run((context) -> assertThat(context.getBean(Replication.class)).isEqualTo(new Replication((short) 2, 1)));

		try (Admin admin = admin()) {
			assertThat(describe(admin, "two-copies").partitions())
				.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(2));
		}
	}

	@Test
	void anExistingTopicWithOneReplicaAndOneInSyncIsReportedAtStartUp(CapturedOutput output) throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("made-by-hand", Optional.of(2), Optional.of((short) 1))
				.configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"))))
				.all()
				.get(15, TimeUnit.SECONDS);
			describe(admin, "made-by-hand");
		}

		try (ConfigurableApplicationContext context = start("made-by-hand")) {
			assertThat(context.getBean(TopicAudit.class).weaknesses())
				.extracting(TopicWeakness::topic, TopicWeakness::setting, TopicWeakness::found, TopicWeakness::wanted)
				.containsExactlyInAnyOrder(
						tuple("made-by-hand", "replication factor", "1", "3"),
						tuple("made-by-hand", TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
								"1", "2"));
		}
		assertThat(output).contains("WARN").contains("Topic made-by-hand has replication factor 1, the service declares 3");
	}

	@Test
	void aTopicAsDeclaredIsNotReported(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("as-declared")) {
			assertThat(context.getBean(TopicAudit.class).weaknesses()).isEmpty();
		}
		assertThat(output).doesNotContain("Topic as-declared has");
	}

	@Test
	void theBrokersTopicsOfOffsetsAndTransactionsWithFewerCopiesThanTheServicesTopicsAreReported() throws Exception {
		try (Admin admin = admin()) {
			// Asking for a group's offsets makes Kafka create its offsets topic.
			admin.listConsumerGroupOffsets("audit").partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "audit", ProducerConfig.MAX_BLOCK_MS_CONFIG, 30000),
				new StringSerializer(), new StringSerializer())) {
			producer.initTransactions(); // makes Kafka create its transactions topic
		}
		// The cluster's internal topics have 3 copies and transactions need 2 in sync: weaker than 4 and 3.
		TopicAudit audit = new TopicAudit(new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				cluster.bootstrapServers())), new StaticListableBeanFactory().getBeanProvider(NewTopic.class),
				new Replication((short) 4, 3), Duration.ofSeconds(10));

		assertThat(audit.check())
			.extracting(TopicWeakness::topic, TopicWeakness::setting, TopicWeakness::found, TopicWeakness::wanted)
			.containsExactlyInAnyOrder(tuple("__consumer_offsets", "replication factor", "3", "4"),
					tuple("__transaction_state", "replication factor", "3", "4"),
					tuple("__transaction_state", TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2", "3"));
	}

	private static ConfigurableApplicationContext start(String topic) {
		return new SpringApplicationBuilder(ServiceDeclaringATopic.class).web(WebApplicationType.NONE)
			.run("--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(), "--topic.name=" + topic,
					"--spring.main.banner-mode=off");
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
	}

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

	@Configuration(proxyBeanMethods = false)
	static class DeclaresTopic {

		@Bean
		NewTopic declared(org.springframework.core.env.Environment environment, Replication replication) {
			return replication.applyTo(TopicBuilder.name(environment.getRequiredProperty("topic.name")).partitions(2))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ KafkaAutoConfiguration.class, ReplicationAutoConfiguration.class })
	static class ServiceDeclaringATopic extends DeclaresTopic {

	}

}
