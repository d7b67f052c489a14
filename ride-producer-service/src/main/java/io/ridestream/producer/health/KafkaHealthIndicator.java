package io.ridestream.producer.health;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import io.ridestream.producer.topic.TopicProperties;
import io.ridestream.topics.TopicWritability;

/**
 * Reports whether the Kafka cluster answers and takes writes to the rides topic, for the readiness probe: an
 * instance that cannot reach Kafka, or whose topic has partitions without a leader or with fewer in-sync replicas
 * than {@code min.insync.replicas} (two of three brokers down), cannot replay; but restarting it would not bring
 * the brokers back, so this is not part of liveness. Uses the admin client
 * settings, security included, that Spring Boot gives {@link KafkaAdmin}.
 */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private static final Log logger = LogFactory.getLog(KafkaHealthIndicator.class);

	private final Admin admin;

	private final String bootstrapServers;

	private final Duration timeout;

	private final String topic;

	private final long cacheForNanos;

	private Health lastHealth;

	private long lastCheckedAt;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaHealthProperties properties, TopicProperties topic) {
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
		this.bootstrapServers = describe(kafkaAdmin.getConfigurationProperties()
			.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
		this.timeout = properties.timeout();
		this.topic = topic.name();
		this.cacheForNanos = properties.cacheFor().toNanos();
	}

	@Override
	public synchronized Health health() {
		long now = System.nanoTime();
		if (this.lastHealth == null || now - this.lastCheckedAt >= this.cacheForNanos) {
			Health health = check();
			logChange(this.lastHealth, health);
			this.lastHealth = health;
			this.lastCheckedAt = System.nanoTime();
		}
		return this.lastHealth;
	}

	private Health check() {
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		try {
			// The options' timeout ends the request; the extra second only guards against a client that hangs.
			long waitMillis = this.timeout.toMillis() + 1000;
			String clusterId = cluster.clusterId().get(waitMillis, TimeUnit.MILLISECONDS);
			Collection<Node> nodes = cluster.nodes().get(waitMillis, TimeUnit.MILLISECONDS);
			Optional<String> refused = TopicWritability.problem(this.admin, this.topic, this.timeout);
			return (refused.isPresent() ? Health.down().withDetail("reason", refused.get()) : Health.up())
				.withDetail("bootstrapServers", this.bootstrapServers)
				.withDetail("clusterId", clusterId)
				.withDetail("brokers", nodes.size())
				.build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return down("interrupted while asking the cluster");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return down(cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return down("no answer within " + this.timeout.toMillis() + " ms");
		}
	}

	/** The probe shows no details without authorization: the log says why the instance is not ready. */
	private static void logChange(Health last, Health now) {
		if (now.getStatus().equals(Status.DOWN) && (last == null || !sameReason(last, now))) {
			logger.warn("Not ready: " + now.getDetails().get("reason"));
		}
		else if (now.getStatus().equals(Status.UP) && last != null && last.getStatus().equals(Status.DOWN)) {
			logger.info("Ready again: Kafka takes writes to the rides topic");
		}
	}

	private static boolean sameReason(Health last, Health now) {
		return Objects.equals(last.getDetails().get("reason"), now.getDetails().get("reason"));
	}

	private Health down(String reason) {
		return Health.down()
			.withDetail("bootstrapServers", this.bootstrapServers)
			.withDetail("reason", "Kafka is unreachable: " + reason)
			.build();
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(1));
	}

	private static String describe(Object servers) {
		return (servers instanceof Collection<?> list) ? String.join(",", list.stream().map(String::valueOf).toList())
				: String.valueOf(servers);
	}

}
