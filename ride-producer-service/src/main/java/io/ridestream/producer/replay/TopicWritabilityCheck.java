package io.ridestream.producer.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import io.ridestream.producer.topic.TopicProperties;
import io.ridestream.topics.TopicWritability;

/**
 * Asks the cluster whether it takes writes to the rides topic now, so that a replay Kafka would refuse fails at
 * once and says why (e.g. too few in-sync replicas with two of three brokers down) instead of after every send
 * has timed out.
 */
@Component
class TopicWritabilityCheck {

	// Short: a replay starts after this at the latest; an unreachable Kafka fails it soon after anyway.
	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final Map<String, Object> adminConfig;

	private final String topic;

	TopicWritabilityCheck(KafkaAdmin admin, TopicProperties topic) {
		this.adminConfig = new HashMap<>(admin.getConfigurationProperties());
		this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.topic = topic.name();
	}

	/** What the cluster says about writes to the topic now. */
	Writability check() {
		Admin admin = Admin.create(this.adminConfig);
		try {
			return new Writability(true, TopicWritability.problem(admin, this.topic, TIMEOUT));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Writability(false, Optional.empty());
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return new Writability(false, Optional.empty());
		}
		finally {
			// Bounded: close() waits for the client's calls, which a broker that never answers can hold up for minutes.
			admin.close(TIMEOUT);
		}
	}

	/**
	 * @param answered whether the cluster answered (if not, Kafka is unreachable or too slow to tell)
	 * @param refusal why Kafka refuses writes to the topic, if it does
	 */
	record Writability(boolean answered, Optional<String> refusal) {

	}

}
