package io.ridestream.consumer.ingest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ridestream.consumer.stats.ChangelogProperties;
import io.ridestream.consumer.stats.PartitionSnapshot;
import io.ridestream.consumer.stats.SnapshotJson;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Commits a {@link Checkpoint} in one Kafka transaction: the statistics of the partitions it changed to the
 * statistics changelog, its poison messages to the dead-letter topic, and the consumed offsets to the group. All of
 * them become visible together, or none does. Once committed, the partitions' committed statistics are the
 * checkpoint's.
 *
 * <p>Everything of one partition of the rides topic goes to one partition of the changelog, the one with its number
 * (modulo the changelog's partitions), as in Kafka Streams: a transaction's records for it are then committed
 * together by one marker, and a reader that has read that changelog partition to its end has all of them or none,
 * never a partition's statistics without the windows they were written with.
 */
@Component
class ChangelogWriter {

	private final KafkaTemplate<String, byte[]> template;

	private final String changelogTopic;

	private final String ridesTopic;

	private final OwnedPartitions owned;

	private final StalledPartitions stalled;

	private final PoisonMessages poisonMessages;

	private final RideLatency latency;

	ChangelogWriter(KafkaTemplate<String, byte[]> template, ChangelogProperties changelog, TopicProperties rides,
			OwnedPartitions owned, StalledPartitions stalled, PoisonMessages poisonMessages, RideLatency latency) {
		this.template = template;
		this.changelogTopic = changelog.topic();
		this.ridesTopic = rides.name();
		this.owned = owned;
		this.stalled = stalled;
		this.poisonMessages = poisonMessages;
		this.latency = latency;
	}

	/**
	 * Commits the checkpoint, then clears it for the next one.
	 * @throws RuntimeException if the transaction did not commit, or may not have: the checkpoint is left as it was
	 */
	void commit(Checkpoint checkpoint, Consumer<?, ?> consumer) {
		List<PartitionSnapshot> snapshots = new ArrayList<>();
		Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
		for (PartitionCount count : checkpoint.counts()) {
			if (count.changed()) {
				offsets.put(new TopicPartition(this.ridesTopic, count.partition()),
						new OffsetAndMetadata(count.nextOffset()));
				snapshots.add(count.snapshot());
			}
		}
		if (!snapshots.isEmpty() || !checkpoint.deadLetters().isEmpty()) {
			this.template.executeInTransaction((operations) -> {
				this.poisonMessages.park(checkpoint.deadLetters(), consumer);
				send(operations, snapshots);
				operations.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
				return null;
			});
		}
		long committedAt = System.currentTimeMillis();
		this.latency.committed(committedAt, checkpoint.sendTimes());
		for (PartitionSnapshot snapshot : snapshots) {
			this.owned.committed(snapshot);
			this.stalled.progressed(snapshot.partition());
		}
		checkpoint.clear();
	}

	/**
	 * Sends the snapshots, keyed by partition (so compaction keeps each partition's latest), and the windows they
	 * changed or evicted, each keyed by partition, kind and start.
	 */
	private void send(KafkaOperations<String, byte[]> operations, List<PartitionSnapshot> snapshots) {
		int changelogPartitions = operations.partitionsFor(this.changelogTopic).size();
		for (PartitionSnapshot snapshot : snapshots) {
			int partition = snapshot.partition() % changelogPartitions;
			operations.send(this.changelogTopic, partition, SnapshotJson.key(snapshot.partition()),
					SnapshotJson.write(snapshot));
			snapshot.windows()
				.all()
				.values()
				.forEach((windows) -> sendWindows(operations, partition, snapshot, windows));
		}
	}

	/** The windows the checkpoint changed, and a tombstone for each it evicted, so compaction forgets them. */
	private void sendWindows(KafkaOperations<String, byte[]> operations, int changelogPartition,
			PartitionSnapshot snapshot, WindowedCounts windows) {
		int partition = snapshot.partition();
		WindowedCounts.Changes changes = windows.changes();
		WindowSpec spec = windows.spec();
		for (WindowedCounts.WindowState window : changes.changed()) {
			operations.send(this.changelogTopic, changelogPartition,
					SnapshotJson.windowKey(partition, spec.kind(), window.start()),
					SnapshotJson.writeWindow(partition, spec, window, snapshot.topicId()));
		}
		for (LocalDateTime start : changes.evicted()) {
			operations.send(this.changelogTopic, changelogPartition,
					SnapshotJson.windowKey(partition, spec.kind(), start), null);
		}
	}

}
