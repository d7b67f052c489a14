package io.ridestream.consumer.ingest;

import java.util.Collection;
import java.util.Map;

import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.model.Ride;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Counts every ride of the rides topic into the statistics of its partition.
 *
 * <p>The statistics live in memory only, so committed offsets alone would lose them: after a restart, or when a
 * partition moves here from another instance, reading on from the committed offset would count only the rides
 * that come after it. So, by default, a partition assigned to this instance starts with empty statistics and is
 * read again from its beginning, which makes the statistics exact again once it has caught up. A revoked
 * partition's statistics are dropped: its new owner rebuilds them. (A later change restores them from a changelog
 * topic instead of re-reading the rides.)
 */
@Component
class RideListener implements ConsumerSeekAware {

	static final String ID = "ride-statistics";

	private static final Log logger = LogFactory.getLog(RideListener.class);

	private final StatisticsService statistics;

	private final TopicProperties topic;

	private final HandledOffsets handled;

	RideListener(StatisticsService statistics, TopicProperties topic, HandledOffsets handled) {
		this.statistics = statistics;
		this.topic = topic;
		this.handled = handled;
	}

	/** The topic to read, for the listener annotation. */
	public String topic() {
		return this.topic.name();
	}

	/**
	 * Counts the ride and, unless it is read again after an earlier owner handled it, commits its offset
	 * ({@code spring.kafka.listener.ack-mode: manual}): committing re-read offsets would move the group's position
	 * back, and with it the boundary that keeps poison messages from being dead-lettered twice.
	 */
	@KafkaListener(id = ID, idIsGroup = false, topics = "#{__listener.topic()}")
	void onRide(ConsumerRecord<String, Ride> record, Acknowledgment acknowledgment) {
		if (record.value() == null) {
			throw new InvalidRideException("the message has no value (a tombstone), a ride was expected");
		}
		this.statistics.recordRide(record.partition(), record.offset(), record.value());
		if (!this.handled.handledBefore(record.topic(), record.partition(), record.offset())) {
			acknowledgment.acknowledge();
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		// The positions are the group's committed offsets: the messages before them were handled earlier.
		this.handled.assigned(assignments);
		assignments.keySet().forEach((partition) -> this.statistics.startPartition(partition.partition()));
		if (this.topic.readFromBeginning()) {
			callback.seekToBeginning(assignments.keySet());
			logger.info("Assigned " + assignments.keySet() + ": reading them from the beginning");
		}
		else {
			logger.info("Assigned " + assignments.keySet() + ": reading on from " + assignments);
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		partitions.forEach((partition) -> this.statistics.dropPartition(partition.partition()));
		this.handled.revoked(partitions);
		if (!partitions.isEmpty()) {
			logger.info("Revoked " + partitions + ": dropped their statistics");
		}
	}

}
