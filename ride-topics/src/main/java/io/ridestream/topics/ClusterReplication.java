package io.ridestream.topics;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.kafka.core.KafkaAdmin;

/**
 * Works out the replication of the topics the service creates from the brokers the cluster has at start-up and
 * what is configured.
 */
final class ClusterReplication {

	private static final Log logger = LogFactory.getLog(ClusterReplication.class);

	private ClusterReplication() {
	}

	/**
	 * @param askCluster whether to ask the cluster how many brokers it has (not when the service creates no topics)
	 */
	static Replication resolve(KafkaAdmin kafkaAdmin, ReplicationProperties properties, boolean askCluster) {
		if (properties.fullySet() || !askCluster) {
			return properties.forBrokers(1);
		}
		Duration timeout = properties.clusterTimeout();
		Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties());
		try {
			int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
				.nodes()
				.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
				.size();
			Replication replication = properties.forBrokers(brokers);
			logger.info("Kafka has " + brokers + " broker" + ((brokers == 1) ? "" : "s") + ": topics created get "
					+ replication);
			return replication;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unknown(properties, "interrupted");
		}
		catch (ExecutionException ex) {
			return unknown(properties, String.valueOf(ex.getCause()));
		}
		catch (TimeoutException ex) {
			return unknown(properties, "no answer within " + timeout.toMillis() + " ms");
		}
		finally {
			// Bounded: close() waits for the client's calls, which a broker that never answers can hold up for minutes.
			admin.close(Duration.ofSeconds(1));
		}
	}

	private static Replication unknown(ReplicationProperties properties, String reason) {
		Replication replication = properties.forBrokers(1);
		logger.warn("Could not ask Kafka how many brokers it has (" + reason + "): topics created get " + replication
				+ " (set ridestream.replication.factor to choose)");
		return replication;
	}

}
