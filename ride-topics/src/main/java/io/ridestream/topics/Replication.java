package io.ridestream.topics;

import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * How a topic's partitions are replicated: how many copies each keeps, and how many of them must have a write
 * before Kafka acknowledges it to an {@code acks=all} producer. Leaders are only ever elected from in-sync
 * replicas ({@code unclean.leader.election.enable=false}): a lost broker never costs an acknowledged write.
 *
 * @param factor the copies of each partition
 * @param minInSyncReplicas the copies that must have a write ({@code min.insync.replicas})
 */
public record Replication(short factor, int minInSyncReplicas) {

	public Replication {
		if (factor < 1) {
			throw new IllegalArgumentException("A replication factor must be at least 1, not " + factor);
		}
		if (minInSyncReplicas < 1 || minInSyncReplicas > factor) {
			throw new IllegalArgumentException("min.insync.replicas must be between 1 and the replication factor ("
					+ factor + "), not " + minInSyncReplicas);
		}
	}

	/**
	 * What a topic gets on a cluster of this many brokers: three copies where there are three brokers or more, two
	 * of which must have each write, so that one broker can be lost without losing or refusing a write; as many
	 * copies as there are brokers on a smaller cluster, where a single copy must have each write.
	 */
	public static Replication forBrokers(int brokers) {
		short factor = (short) Math.max(1, Math.min(3, brokers));
		return new Replication(factor, (factor >= 3) ? 2 : 1);
	}

	/** The topic declared with this replication. */
	public TopicBuilder applyTo(TopicBuilder topic) {
		return topic.replicas(this.factor)
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(this.minInSyncReplicas))
			.config(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false");
	}

	@Override
	public String toString() {
		return this.factor + " replica" + ((this.factor == 1) ? "" : "s") + ", min.insync.replicas "
				+ this.minInSyncReplicas;
	}

}
