package io.ridestream.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Checks at start-up that the topics the service declares, and the broker's own topics its transactions and
 * offsets live in, are as safe as declared. Kafka creates a missing topic as declared, but leaves an existing one
 * as it is: one made earlier with one replica, by hand or by a broker's automatic topic creation, would otherwise
 * be used silently. Each difference is logged as a warning, with what it costs.
 */
public class TopicAudit implements ApplicationListener<ApplicationStartedEvent> {

	/** The broker's topics of committed offsets and of transactions. */
	static final List<String> INTERNAL_TOPICS = List.of("__consumer_offsets", "__transaction_state");

	private static final Log logger = LogFactory.getLog(TopicAudit.class);

	private final KafkaAdmin kafkaAdmin;

	private final ObjectProvider<NewTopic> declared;

	private final Replication replication;

	private final Duration timeout;

	private volatile List<TopicWeakness> weaknesses = List.of();

	public TopicAudit(KafkaAdmin kafkaAdmin, ObjectProvider<NewTopic> declared, Replication replication,
			Duration timeout) {
		this.kafkaAdmin = kafkaAdmin;
		this.declared = declared;
		this.replication = replication;
		this.timeout = timeout;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		try {
			this.weaknesses = check();
			this.weaknesses.forEach((weakness) -> logger.warn(weakness.message()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not check the settings of the topics in Kafka: " + ex);
		}
	}

	/** What the last check found. */
	public List<TopicWeakness> weaknesses() {
		return this.weaknesses;
	}

	/** Compares the topics in the cluster with what is declared; topics that do not exist are not reported. */
	public List<TopicWeakness> check() throws InterruptedException, ExecutionException, TimeoutException {
		Map<String, NewTopic> topics = new HashMap<>();
		this.declared.orderedStream().forEach((topic) -> topics.put(topic.name(), topic));
		Set<String> names = new LinkedHashSet<>(topics.keySet());
		names.addAll(INTERNAL_TOPICS);
		Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
		try {
			Map<String, TopicDescription> found = describe(admin, names);
			Map<String, Config> configs = configs(admin, found.keySet());
			List<TopicWeakness> weaknesses = new ArrayList<>();
			for (TopicDescription description : found.values()) {
				NewTopic topic = topics.get(description.name());
				Config config = configs.get(description.name());
				if (topic != null) {
					weaknesses.addAll(compare(topic, description, config));
				}
				else {
					weaknesses.addAll(compareInternal(description, config));
				}
			}
			return List.copyOf(weaknesses);
		}
		finally {
			admin.close(Duration.ofSeconds(1)); // bounded: see ClusterReplication
		}
	}

	private List<TopicWeakness> compare(NewTopic topic, TopicDescription description, Config config) {
		List<TopicWeakness> weaknesses = new ArrayList<>();
		int factor = factor(description);
		short wantedFactor = topic.replicationFactor(); // -1: the broker's default
		if (factor < wantedFactor) {
			weaknesses.add(new TopicWeakness(topic.name(), "replication factor", String.valueOf(factor),
					String.valueOf(wantedFactor), "a broker lost can take acknowledged messages with it and stop the topic; "
							+ "add replicas with kafka-reassign-partitions.sh"));
		}
		if (topic.configs() != null) {
			topic.configs().forEach((name, wanted) -> {
				ConfigEntry entry = config.get(name);
				String value = (entry != null) ? entry.value() : null;
				if (!wanted.equals(value)) {
					weaknesses.add(new TopicWeakness(topic.name(), name, String.valueOf(value), wanted,
							"change it with kafka-configs.sh --alter --entity-type topics --entity-name " + topic.name()
									+ " --add-config " + name + "=" + wanted));
				}
			});
		}
		return weaknesses;
	}

	private List<TopicWeakness> compareInternal(TopicDescription description, Config config) {
		List<TopicWeakness> weaknesses = new ArrayList<>();
		String brokerSetting = description.name().equals("__consumer_offsets") ? "offsets.topic"
				: "transaction.state.log";
		int factor = factor(description);
		if (factor < this.replication.factor()) {
			weaknesses.add(new TopicWeakness(description.name(), "replication factor", String.valueOf(factor),
					String.valueOf(this.replication.factor()),
					"a broker lost can take the consumers' offsets or open transactions with it; the brokers' "
							+ brokerSetting + ".replication.factor applies only when Kafka creates the topic"));
		}
		ConfigEntry minInSync = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
		if (description.name().equals("__transaction_state") && minInSync != null
				&& Integer.parseInt(minInSync.value()) < this.replication.minInSyncReplicas()) {
			weaknesses.add(new TopicWeakness(description.name(), TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
					minInSync.value(), String.valueOf(this.replication.minInSyncReplicas()),
					"a transaction can be committed on fewer copies than the messages it commits (set the brokers' "
							+ "transaction.state.log.min.isr)"));
		}
		return weaknesses;
	}

	private Map<String, TopicDescription> describe(Admin admin, Collection<String> names)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<String, KafkaFuture<TopicDescription>> futures = admin
			.describeTopics(names, new DescribeTopicsOptions().timeoutMs(timeoutMillis()))
			.topicNameValues();
		Map<String, TopicDescription> found = new HashMap<>();
		for (Map.Entry<String, KafkaFuture<TopicDescription>> future : futures.entrySet()) {
			try {
				found.put(future.getKey(), future.getValue().get(timeoutMillis() + 1000L, TimeUnit.MILLISECONDS));
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
					throw ex;
				}
			}
		}
		return found;
	}

	private Map<String, Config> configs(Admin admin, Collection<String> names)
			throws InterruptedException, ExecutionException, TimeoutException {
		List<ConfigResource> resources = names.stream()
			.map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name))
			.toList();
		Map<ConfigResource, Config> configs = admin
			.describeConfigs(resources, new DescribeConfigsOptions().timeoutMs(timeoutMillis()))
			.all()
			.get(timeoutMillis() + 1000L, TimeUnit.MILLISECONDS);
		Map<String, Config> byTopic = new HashMap<>();
		configs.forEach((resource, config) -> byTopic.put(resource.name(), config));
		return byTopic;
	}

	private int timeoutMillis() {
		return (int) this.timeout.toMillis();
	}

	/** The fewest copies any of the topic's partitions has. */
	private static int factor(TopicDescription description) {
		return description.partitions().stream().mapToInt((partition) -> partition.replicas().size()).min().orElse(0);
	}

}
