package io.ridestream.consumer.ingest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ridestream.consumer.windows.PickupBounds;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowsProperties;
import io.ridestream.consumer.zones.ZoneLookup;
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
 *
 * <p>A transaction takes the batch's messages for at most {@code ridestream.topic.max-batch-time}; the rest are
 * read again for the next one. The offsets the container commits with the transaction may then go past what is
 * counted, which does no harm: a partition is always read on from where its statistics end, not from the group's
 * offset.
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

	private final PickupBounds pickupBounds;

	private final ZoneLookup zones;

	private final long maxBatchNanos;

	RideListener(TopicProperties topic, OwnedPartitions owned, PoisonMessages poisonMessages,
			ChangelogWriter changelog, WindowsProperties windows, ZoneLookup zones) {
		this.zones = zones;
		this.topic = topic;
		this.owned = owned;
		this.poisonMessages = poisonMessages;
		this.changelog = changelog;
		this.windows = windows.specs();
		this.pickupBounds = windows.pickupBounds();
		this.maxBatchNanos = topic.maxBatchTime().toNanos();
	}

	/** The topic to read, for the listener annotation. */
	public String topic() {
		return this.topic.name();
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "#{__listener.topic()}", batch = "true")
	void onRides(List<ConsumerRecord<String, Ride>> records, Consumer<?, ?> consumer) {
		long deadline = System.nanoTime() + this.maxBatchNanos;
		Map<Integer, PartitionCount> counts = new LinkedHashMap<>();
		PoisonMessages.Batch poison = this.poisonMessages.batch();
		PartitionCount count = null;
		int taken = 0;
		for (; taken < records.size(); taken++) {
			if (taken > 0 && System.nanoTime() - deadline > 0) {
				break;
			}
			ConsumerRecord<String, Ride> record = records.get(taken);
			if (count == null || count.partition() != record.partition()) {
				count = counts.computeIfAbsent(record.partition(),
						(partition) -> new PartitionCount(this.owned.committed(partition), this.windows,
								this.pickupBounds, this.zones));
			}
			if (!count.read(record.offset())) {
				continue;
			}
			if (record.value() != null) {
				count.addRide(record.offset(), record.value());
			}
			else {
				poison.park(record, consumer);
				count.addDeadLetter(record.offset());
			}
		}
		poison.finish();
		this.changelog.write(counts.values());
		readOnFrom(nextOffsets(counts, records.subList(taken, records.size())), consumer);
		startOverForANewTopic(counts.values(), consumer);
	}

	/**
	 * Statistics that go past a batch's messages are normal after a restore; they may also be those of a rides topic
	 * deleted and made again under the same name, whose offsets start at 0 again (the new messages would be taken for
	 * counted ones for ever). Such a partition's statistics start over from the new topic's beginning.
	 */
	private void startOverForANewTopic(Collection<PartitionCount> counts, Consumer<?, ?> consumer) {
		for (PartitionCount count : counts) {
			if (count.countsBeyondBatch() && this.owned.startedOverForANewTopic(count.partition())) {
				consumer.seekToBeginning(List.of(new TopicPartition(topic(), count.partition())));
			}
		}
	}

	/**
	 * Where each partition must be read on from, if not after this batch: from its first message this batch's
	 * transaction did not take (it ran out of time), or from after what its statistics count, where those were
	 * restored past the messages of this batch (from statistics another instance, or a transaction whose outcome
	 * was not seen, committed).
	 */
	private static Map<Integer, Long> nextOffsets(Map<Integer, PartitionCount> counts,
			List<ConsumerRecord<String, Ride>> notTaken) {
		Map<Integer, Long> next = new LinkedHashMap<>();
		counts.values()
			.stream()
			.filter(PartitionCount::countsBeyondBatch)
			.forEach((count) -> next.put(count.partition(), count.nextOffset()));
		for (ConsumerRecord<String, Ride> record : notTaken) {
			PartitionCount count = counts.get(record.partition());
			long from = (count != null) ? Math.max(record.offset(), count.nextOffset()) : record.offset();
			next.putIfAbsent(record.partition(), from);
		}
		return next;
	}

	private void readOnFrom(Map<Integer, Long> nextOffsets, Consumer<?, ?> consumer) {
		nextOffsets.forEach((partition, offset) -> consumer.seek(new TopicPartition(topic(), partition), offset));
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
