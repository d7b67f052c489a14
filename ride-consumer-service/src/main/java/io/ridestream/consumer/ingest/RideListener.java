package io.ridestream.consumer.ingest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ridestream.consumer.stats.ChangelogProperties;
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

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Counts the rides of the rides topic into the statistics of their partitions, exactly once.
 *
 * <p>Each listener thread counts the batches it polls in memory, and commits what it counted once every
 * {@code ridestream.changelog.commit-interval} (as Kafka Streams does every {@code commit.interval.ms}), at once when
 * a batch had poison messages, when partitions are taken from it, and when it has been idle that long: one Kafka
 * transaction writes the changed partitions' statistics to the statistics changelog, the poison messages to the
 * dead-letter topic, and the consumed offsets to the group ({@link ChangelogWriter}). A crash before the commit
 * loses nothing (the messages are read again and counted from the last committed statistics), and a crash after it
 * counts nothing twice (the next owner restores the statistics committed with the offsets).
 *
 * <p>A commit that fails drops what was counted since the last one: its partitions are read again from there after
 * {@code ridestream.topic.retry-interval}, for as long as it takes, and are shown meanwhile by
 * {@link StalledPartitions}. The statistics are never advanced past a message that was not handled.
 *
 * <p>A message whose schema the registry could not give (it failed, not the message) fails the batch the same way:
 * it and what follows are read again after the retry interval, until the registry answers.
 *
 * <p>A batch takes messages for at most {@code ridestream.topic.max-batch-time}; the rest are read again for the
 * next one. Partitions are always read on from where their statistics end, not from the group's offset.
 */
@Component
class RideListener implements ConsumerSeekAware {

	static final String ID = "ride-statistics";

	private static final Log logger = LogFactory.getLog(RideListener.class);

	private final TopicProperties topic;

	private final OwnedPartitions owned;

	private final ChangelogWriter changelog;

	private final StalledPartitions stalled;

	private final ReplayArrivals arrivals;

	private final PartitionLag lag;

	private final List<WindowSpec> windows;

	private final PickupBounds pickupBounds;

	private final ZoneLookup zones;

	private final long maxBatchNanos;

	private final long commitIntervalNanos;

	/** What each listener thread counted since its last commit; only that thread touches it. */
	private final ThreadLocal<Checkpoint> checkpoints = ThreadLocal.withInitial(Checkpoint::new);

	RideListener(TopicProperties topic, ChangelogProperties changelogProperties, OwnedPartitions owned,
			ChangelogWriter changelog, StalledPartitions stalled, WindowsProperties windows, ZoneLookup zones,
			ReplayArrivals arrivals, PartitionLag lag) {
		this.arrivals = arrivals;
		this.lag = lag;
		this.zones = zones;
		this.topic = topic;
		this.owned = owned;
		this.changelog = changelog;
		this.stalled = stalled;
		this.windows = windows.specs();
		this.pickupBounds = windows.pickupBounds();
		this.maxBatchNanos = topic.maxBatchTime().toNanos();
		this.commitIntervalNanos = changelogProperties.commitInterval().toNanos();
	}

	/** The topic to read, for the listener annotation. */
	public String topic() {
		return this.topic.name();
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "#{__listener.topic()}", batch = "true")
	void onRides(List<ConsumerRecord<String, Ride>> records, Consumer<?, ?> consumer) {
		Checkpoint checkpoint = this.checkpoints.get();
		checkpoint.consumer(consumer);
		this.arrivals.seen(records);
		try {
			count(records, checkpoint, consumer);
			if (checkpoint.due(this.commitIntervalNanos)) {
				this.changelog.commit(checkpoint, consumer);
			}
			this.lag.measure(consumer);
		}
		catch (RuntimeException ex) {
			countAgain(checkpoint, records, consumer, ex);
		}
	}

	/** Commits what was counted, once the container has seen no message for the commit interval. */
	@EventListener(condition = "event.listenerId.startsWith('" + ID + "-')")
	void onIdle(ListenerContainerIdleEvent event) {
		Checkpoint checkpoint = this.checkpoints.get();
		if (!checkpoint.isEmpty()) {
			commitOrCountAgain(checkpoint, event.getConsumer());
		}
		this.lag.measure(event.getConsumer());
	}

	private void count(List<ConsumerRecord<String, Ride>> records, Checkpoint checkpoint, Consumer<?, ?> consumer) {
		long deadline = System.nanoTime() + this.maxBatchNanos;
		checkpoint.sendTimes().now(System.currentTimeMillis());
		Map<Integer, PartitionCount> counts = new LinkedHashMap<>();
		PartitionCount count = null;
		int taken = 0;
		for (; taken < records.size(); taken++) {
			if (taken > 0 && System.nanoTime() - deadline > 0) {
				break;
			}
			ConsumerRecord<String, Ride> record = records.get(taken);
			if (count == null || count.partition() != record.partition()) {
				count = counts.computeIfAbsent(record.partition(), (partition) -> checkpoint.count(partition,
						(begun) -> new PartitionCount(this.owned.committed(begun), this.windows, this.pickupBounds,
								this.zones)));
			}
			if (!count.read(record.offset())) {
				continue;
			}
			if (record.value() != null) {
				count.addRide(record.offset(), record.value());
				checkpoint.sendTimes().add(record);
			}
			else {
				RegistryUnavailableException.throwIfMarked(record);
				checkpoint.deadLetter(record);
				count.addDeadLetter(record.offset());
			}
		}
		this.lag.counted(records.subList(0, taken));
		readOnFrom(nextOffsets(counts, records.subList(taken, records.size())), consumer);
		startOverForANewTopic(counts.values(), checkpoint, consumer);
	}

	private void commitOrCountAgain(Checkpoint checkpoint, Consumer<?, ?> consumer) {
		try {
			this.changelog.commit(checkpoint, consumer);
		}
		catch (RuntimeException ex) {
			countAgain(checkpoint, List.of(), consumer, ex);
		}
	}

	/**
	 * Drops what was counted since the last commit, after it failed or could not be made: its partitions (and those
	 * of the batch) are read again from where their committed statistics end, after the retry interval. Those
	 * statistics are restored from the changelog first, as the commit may have taken effect all the same.
	 */
	private void countAgain(Checkpoint checkpoint, List<ConsumerRecord<String, Ride>> batch, Consumer<?, ?> consumer,
			RuntimeException failure) {
		Map<Integer, Long> from = new LinkedHashMap<>();
		for (PartitionCount count : checkpoint.counts()) {
			from.put(count.partition(), count.committedNextOffset());
			this.owned.unknown(count.partition());
		}
		for (ConsumerRecord<String, Ride> record : batch) {
			from.putIfAbsent(record.partition(), record.offset());
		}
		checkpoint.clear();
		Set<TopicPartition> assigned = consumer.assignment();
		from.forEach((partition, offset) -> {
			TopicPartition topicPartition = new TopicPartition(topic(), partition);
			if (assigned.contains(topicPartition)) {
				consumer.seek(topicPartition, offset);
			}
		});
		this.stalled.failed(from.keySet(), failure);
		try {
			Thread.sleep(this.topic.retryInterval().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Statistics that go past a batch's messages are normal after a restore; they may also be those of a rides topic
	 * deleted and made again under the same name, whose offsets start at 0 again (the new messages would be taken for
	 * counted ones for ever). Such a partition's statistics start over from the new topic's beginning.
	 */
	private void startOverForANewTopic(Collection<PartitionCount> counts, Checkpoint checkpoint,
			Consumer<?, ?> consumer) {
		for (PartitionCount count : counts) {
			if (count.countsBeyondBatch() && this.owned.startedOverForANewTopic(count.partition())) {
				checkpoint.forget(count.partition());
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

	/** Commits what was counted before the partitions go: their next owner goes on from there. */
	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		Checkpoint checkpoint = this.checkpoints.get();
		if (!partitions.isEmpty() && !checkpoint.isEmpty()) {
			try {
				this.changelog.commit(checkpoint, checkpoint.consumer());
			}
			catch (RuntimeException ex) {
				// Their next owner counts them again from the last commit; those kept are read again from there.
				logger.warn("Could not commit the counts of partitions " + partitions + " as they were revoked: "
						+ ex.getMessage());
				countAgainAfterRevocation(checkpoint, partitions);
			}
		}
		List<Integer> revoked = partitions.stream().map(TopicPartition::partition).toList();
		this.owned.revoke(revoked);
		this.lag.forget(revoked);
		if (!partitions.isEmpty()) {
			logger.info("Revoked " + partitions);
		}
	}

	private void countAgainAfterRevocation(Checkpoint checkpoint, Collection<TopicPartition> revoked) {
		Consumer<?, ?> consumer = checkpoint.consumer();
		for (PartitionCount count : checkpoint.counts()) {
			this.owned.unknown(count.partition());
			TopicPartition partition = new TopicPartition(topic(), count.partition());
			if (!revoked.contains(partition) && consumer.assignment().contains(partition)) {
				consumer.seek(partition, count.committedNextOffset());
			}
		}
		checkpoint.clear();
	}

}
