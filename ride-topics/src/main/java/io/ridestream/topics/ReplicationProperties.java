package io.ridestream.topics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The replication of the topics the service creates. Unset, each follows the cluster found at start-up (see
 * {@link Replication#forBrokers(int)}).
 *
 * @param factor the copies of each partition; unset: three, or as many as there are brokers when fewer
 * @param minInSyncReplicas the copies that must have a write; unset: two with three copies or more, else one
 * @param clusterTimeout how long to wait for the cluster to say how many brokers it has and what its topics are
 */
@ConfigurationProperties("ridestream.replication")
public record ReplicationProperties(Short factor, Integer minInSyncReplicas,
		@DefaultValue("10s") Duration clusterTimeout) {

	public ReplicationProperties {
		if (factor != null && minInSyncReplicas != null && minInSyncReplicas > factor) {
			throw new IllegalArgumentException("ridestream.replication.min-in-sync-replicas (" + minInSyncReplicas
					+ ") cannot exceed ridestream.replication.factor (" + factor + ")");
		}
	}

	boolean fullySet() {
		return this.factor != null && this.minInSyncReplicas != null;
	}

	/** The configured replication, what is not configured as for a cluster of this many brokers. */
	Replication forBrokers(int brokers) {
		short copies = (this.factor != null) ? this.factor : Replication.forBrokers(brokers).factor();
		int inSync = (this.minInSyncReplicas != null) ? this.minInSyncReplicas
				: Replication.forBrokers(copies).minInSyncReplicas();
		return new Replication(copies, inSync);
	}

}
