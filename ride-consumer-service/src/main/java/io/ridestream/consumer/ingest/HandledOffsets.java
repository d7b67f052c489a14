package io.ridestream.consumer.ingest;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * For each partition assigned to this instance, the group's position when it was assigned: the messages before
 * it were handled by an earlier owner (or an earlier run of this one), so their dead letters were published then.
 * The partition is nevertheless read again from its beginning to rebuild its statistics, and this boundary keeps
 * those messages from being published to the dead-letter topic a second time.
 *
 * <p>A message handled but not yet committed when its consumer crashed is published again (at least once).
 */
class HandledOffsets {

	private final Map<TopicPartition, Long> positionsAtAssignment = new ConcurrentHashMap<>();

	void assigned(Map<TopicPartition, Long> positions) {
		this.positionsAtAssignment.putAll(positions);
	}

	void revoked(Collection<TopicPartition> partitions) {
		partitions.forEach(this.positionsAtAssignment::remove);
	}

	/** Whether the message at this offset was handled before its partition was assigned here. */
	boolean handledBefore(String topic, int partition, long offset) {
		Long position = this.positionsAtAssignment.get(new TopicPartition(topic, partition));
		return position != null && offset < position;
	}

}
