package io.ridestream.topics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Whether Kafka takes {@code acks=all} writes to a topic now: every partition has a leader and at least
 * {@code min.insync.replicas} in-sync replicas. A cluster that answers can still refuse every write, e.g. with two
 * of three brokers down.
 */
public final class TopicWritability {

	private TopicWritability() {
	}

	/**
	 * Why Kafka refuses writes to some of the topic's partitions, or nothing if it takes them (or the topic does
	 * not exist yet).
	 */
	public static Optional<String> problem(Admin admin, String topic, Duration timeout)
			throws InterruptedException, ExecutionException, TimeoutException {
		int timeoutMillis = (int) timeout.toMillis();
		TopicDescription description;
		try {
			description = admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMillis))
				.topicNameValues()
				.get(topic)
				.get(timeoutMillis + 1000L, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return Optional.empty();
			}
			throw ex;
		}
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		ConfigEntry entry = admin.describeConfigs(List.of(resource), new DescribeConfigsOptions().timeoutMs(timeoutMillis))
			.all()
			.get(timeoutMillis + 1000L, TimeUnit.MILLISECONDS)
			.get(resource)
			.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
		int minInSync = (entry != null) ? Integer.parseInt(entry.value()) : 1;
		return problem(description, minInSync);
	}

	static Optional<String> problem(TopicDescription description, int minInSync) {
		List<TopicPartitionInfo> leaderless = description.partitions()
			.stream()
			.filter((partition) -> partition.leader() == null || partition.leader().isEmpty())
			.toList();
		List<TopicPartitionInfo> underMinInSync = description.partitions()
			.stream()
			.filter((partition) -> !leaderless.contains(partition) && partition.isr().size() < minInSync)
			.toList();
		if (leaderless.isEmpty() && underMinInSync.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder problem = new StringBuilder("Kafka refuses writes to ");
		if (!underMinInSync.isEmpty()) {
			int fewest = underMinInSync.stream().mapToInt((partition) -> partition.isr().size()).min().orElse(0);
			problem.append(names(description, underMinInSync))
				.append(": not enough in-sync replicas (")
				.append(fewest)
				.append(" of ")
				.append(underMinInSync.get(0).replicas().size())
				.append(", min.insync.replicas is ")
				.append(minInSync)
				.append(")");
		}
		if (!leaderless.isEmpty()) {
			problem.append(underMinInSync.isEmpty() ? "" : "; and to ")
				.append(names(description, leaderless))
				.append(": no leader (the brokers holding their in-sync replicas are down)");
		}
		return Optional.of(problem.toString());
	}

	private static String names(TopicDescription description, List<TopicPartitionInfo> partitions) {
		return partitions.stream()
			.map((partition) -> description.name() + "-" + partition.partition())
			.collect(Collectors.joining(", "));
	}

}
