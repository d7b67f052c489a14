package io.ridestream.consumer.ingest;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import io.ridestream.consumer.stats.ChangelogProperties;
import io.ridestream.consumer.stats.PartitionSnapshot;
import io.ridestream.consumer.stats.SnapshotJson;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the statistics of the partitions a batch changed to the statistics changelog, in the listener
 * container's transaction, which also commits the batch's offsets and its dead letters: all of them become
 * visible together, or none does. Once the transaction is over, the partitions' committed statistics follow its
 * outcome.
 *
 * <p>Everything of one partition of the rides topic goes to one partition of the changelog, the one with its number
 * (modulo the changelog's partitions), as in Kafka Streams: a transaction's records for it are then committed
 * together by one marker, and a reader that has read that changelog partition to its end has all of them or none,
 * never a partition's statistics without the windows they were written with.
 */
@Component
class ChangelogWriter {

	private final KafkaTemplate<String, byte[]> template;

	private final String topic;

	private final OwnedPartitions owned;

	private final StalledPartitions stalled;

	ChangelogWriter(KafkaTemplate<String, byte[]> template, ChangelogProperties changelog, OwnedPartitions owned,
			StalledPartitions stalled) {
		this.stalled = stalled;
		this.template = template;
		this.topic = changelog.topic();
		this.owned = owned;
	}

	/**
	 * Sends the snapshots of the counts that changed, keyed by partition (so compaction keeps each partition's
	 * latest), and the windows they changed or evicted, each keyed by partition, kind and start, in the current
	 * transaction.
	 * @throws IllegalStateException if there is no transaction to write in
	 */
	void write(Collection<PartitionCount> counts) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Statistics are counted only in Kafka transactions: set "
					+ "spring.kafka.producer.transaction-id-prefix so that the listener container starts them");
		}
		List<PartitionSnapshot> snapshots = counts.stream()
			.filter(PartitionCount::changed)
			.map(PartitionCount::snapshot)
			.toList();
		int changelogPartitions = this.template.partitionsFor(this.topic).size();
		for (PartitionSnapshot snapshot : snapshots) {
			int partition = snapshot.partition() % changelogPartitions;
			this.template.send(this.topic, partition, SnapshotJson.key(snapshot.partition()), SnapshotJson.write(snapshot));
			snapshot.windows()
				.all()
				.values()
				.forEach((windows) -> sendWindows(partition, snapshot, windows));
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				for (PartitionSnapshot snapshot : snapshots) {
					if (status == STATUS_COMMITTED) {
						ChangelogWriter.this.owned.committed(snapshot);
						ChangelogWriter.this.stalled.progressed(snapshot.partition());
					}
					else {
						// Rolled back, or not known: the changelog has the truth; read it before counting on.
						ChangelogWriter.this.owned.unknown(snapshot.partition());
					}
				}
			}

		});
	}

	/** The windows the batch changed, and a tombstone for each it evicted, so compaction forgets them. */
	private void sendWindows(int changelogPartition, PartitionSnapshot snapshot, WindowedCounts windows) {
		int partition = snapshot.partition();
		WindowedCounts.Changes changes = windows.changes();
		WindowSpec spec = windows.spec();
		for (WindowedCounts.WindowState window : changes.changed()) {
			this.template.send(this.topic, changelogPartition, SnapshotJson.windowKey(partition, spec.kind(), window.start()),
					SnapshotJson.writeWindow(partition, spec, window, snapshot.topicId()));
		}
		for (LocalDateTime start : changes.evicted()) {
			this.template.send(this.topic, changelogPartition, SnapshotJson.windowKey(partition, spec.kind(), start),
					null);
		}
	}

}
