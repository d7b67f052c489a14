package io.ridestream.consumer.ingest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowsProperties;
import io.ridestream.model.Ride;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Counts the rides of the rides topic into the statistics of their partitions, exactly once.
 *
 * <p>Each batch is one Kafka transaction, started by the listener container: the changed partitions' statistics
 * go to the statistics changelog, poison messages to the dead-letter topic, and the consumed offsets to the
 * group, all committed together. A crash before the commit loses nothing (the batch is read again and counted
 * from the last committed statistics), and a crash after it counts nothing twice (the next owner restores the
 * statistics committed with the offsets).
 */
@Component
class RideListener implements ConsumerSeekAware {

	static final String ID = "ride-statistics";

	private static final Log logger = LogFactory.getLog(RideListener.class);

	private final TopicProperties topic;

	private final OwnedPartitions owned;

	private final PoisonMessages poisonMessages;

	private final ChangelogWriter changelog;

	private final List<WindowSpec> windows;

	RideListener(TopicProperties topic, OwnedPartitions owned, PoisonMessages poisonMessages,
			ChangelogWriter changelog, WindowsProperties windows) {
		this.topic = topic;
		this.owned = owned;
		this.poisonMessages = poisonMessages;
		this.changelog = changelog;
		this.windows = windows.specs();
	}

	/** The topic to read, for the listener annotation. */
	public String topic() {
		return this.topic.name();
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "#{__listener.topic()}", batch = "true")
	void onRides(List<ConsumerRecord<String, Ride>> records, Consumer<?, ?> consumer) {
		Map<Integer, PartitionCount> counts = new LinkedHashMap<>();
		PartitionCount count = null;
		for (ConsumerRecord<String, Ride> record : records) {
			if (count == null || count.partition() != record.partition()) {
				count = counts.computeIfAbsent(record.partition(),
						(partition) -> new PartitionCount(this.owned.committed(partition), this.windows));
			}
			if (!count.read(record.offset())) {
				continue;
			}
			if (record.value() != null) {
				count.addRide(record.offset(), record.value());
			}
			else {
				this.poisonMessages.park(record, consumer);
				count.addDeadLetter(record.offset());
			}
		}
		this.changelog.write(counts.values());
		skipWhatIsCountedAlready(counts.values(), consumer);
	}

	/**
	 * A partition restored past the messages of this batch (from statistics another instance, or a transaction
	 * whose outcome was not seen, committed) is read on from after what its statistics count.
	 */
	private void skipWhatIsCountedAlready(Collection<PartitionCount> counts, Consumer<?, ?> consumer) {
		counts.stream()
			.filter(PartitionCount::countsBeyondBatch)
			.forEach((count) -> consumer.seek(new TopicPartition(topic(), count.partition()), count.nextOffset()));
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		List<Integer> partitions = assignments.keySet().stream().map(TopicPartition::partition).toList();
		if (partitions.isEmpty()) {
			return;
		}
		if (!this.owned.assign(partitions)) {
			// Read from the beginning; the statistics are restored when the first messages arrive, and those they
			// count already are skipped.
			callback.seekToBeginning(assignments.keySet());
			return;
		}
		for (TopicPartition partition : assignments.keySet()) {
			long next = this.owned.committed(partition.partition()).nextOffset();
			if (next == 0) {
				callback.seekToBeginning(List.of(partition));
			}
			else {
				callback.seek(partition.topic(), partition.partition(), next);
			}
		}
		logger.info("Assigned " + assignments.keySet() + ": restored from the statistics changelog");
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.owned.revoke(partitions.stream().map(TopicPartition::partition).toList());
		if (!partitions.isEmpty()) {
			logger.info("Revoked " + partitions);
		}
	}

}
