package io.ridestream.consumer.ingest;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ridestream.consumer.stats.ChangelogUnavailableException;
import io.ridestream.consumer.stats.PartitionSnapshot;
import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.consumer.stats.StatsChangelog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The committed statistics of each partition this instance counts: those of the partition's last committed
 * transaction, restored from the statistics changelog when the partition is assigned here.
 *
 * <p>A partition whose statistics are not known for certain (it could not be restored at assignment, or a
 * transaction's outcome was not seen) is restored again from the changelog before it is counted on. Any snapshot
 * the changelog holds is consistent in itself (the statistics of every message up to its offset), so the
 * restored statistics are exact whichever snapshot it is; messages they count already are skipped.
 */
@Component
class OwnedPartitions implements MeterBinder {

	private static final Log logger = LogFactory.getLog(OwnedPartitions.class);

	private final ConcurrentMap<Integer, PartitionSnapshot> committed = new ConcurrentHashMap<>();

	private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();

	private final AtomicLong restored = new AtomicLong();

	private final StatsChangelog changelog;

	private final StatisticsService statistics;

	private final RidesTopicId topicId;

	OwnedPartitions(StatsChangelog changelog, StatisticsService statistics, RidesTopicId topicId) {
		this.changelog = changelog;
		this.statistics = statistics;
		this.topicId = topicId;
	}

	/**
	 * Takes partitions assigned to this instance and restores their statistics.
	 * @return whether they were restored; if not, each is restored when its first messages arrive
	 */
	boolean assign(Collection<Integer> partitions) {
		partitions.forEach((partition) -> {
			this.assigned.add(partition);
			this.committed.remove(partition);
		});
		try {
			this.changelog.awaitCaughtUp();
		}
		catch (ChangelogUnavailableException ex) {
			logger.warn("Statistics of partitions " + partitions + " not restored yet: " + ex.getMessage());
			return false;
		}
		String topicId = this.topicId.current();
		partitions.forEach((partition) -> restore(partition, topicId));
		return true;
	}

	/** Forgets partitions that moved to another instance. */
	void revoke(Collection<Integer> partitions) {
		partitions.forEach((partition) -> {
			this.assigned.remove(partition);
			this.committed.remove(partition);
		});
	}

	/**
	 * The committed statistics of a partition, restored from the changelog first if they are not known.
	 * @throws ChangelogUnavailableException if the changelog cannot be read to its end
	 */
	PartitionSnapshot committed(int partition) {
		PartitionSnapshot snapshot = this.committed.get(partition);
		if (snapshot == null) {
			this.changelog.awaitCaughtUp();
			snapshot = restore(partition, this.topicId.current());
		}
		return snapshot;
	}

	/** The partition's statistics as its last transaction committed them. */
	void committed(PartitionSnapshot snapshot) {
		this.committed.put(snapshot.partition(), snapshot);
	}

	/** The partition's last transaction did not commit, or may have: restore it before counting on. */
	void unknown(int partition) {
		this.committed.remove(partition);
	}

	/**
	 * Whether the rides topic is another than the one the partition's committed statistics count (deleted and made
	 * again); if so, its statistics start over from the new topic's beginning, and the log says so.
	 */
	boolean startedOverForANewTopic(int partition) {
		PartitionSnapshot committed = this.committed.get(partition);
		String current = this.topicId.current();
		if (committed == null || !committed.isOfAnotherTopicThan(current)) {
			return false;
		}
		this.committed.put(partition, startOver(partition, committed, current));
		return true;
	}

	/** @param current the rides topic's id now, or null if it cannot be told */
	private PartitionSnapshot restore(int partition, String current) {
		PartitionSnapshot snapshot = this.statistics.snapshot(partition).orElseGet(() -> PartitionSnapshot.empty(partition));
		if (snapshot.isOfAnotherTopicThan(current)) {
			snapshot = startOver(partition, snapshot, current);
		}
		else if (current != null) {
			snapshot = snapshot.withTopicId(current);
		}
		this.committed.put(partition, snapshot);
		this.restored.incrementAndGet();
		logger.info("Restored partition " + partition + ": " + snapshot.aggregate().rides() + " rides up to offset "
				+ snapshot.lastOffset());
		return snapshot;
	}

	private static PartitionSnapshot startOver(int partition, PartitionSnapshot old, String topicId) {
		logger.warn("The rides topic was deleted and created again (id " + old.topicId() + ", now " + topicId
				+ "): the statistics of partition " + partition + " (" + old.aggregate().rides() + " rides up to offset "
				+ old.lastOffset() + " of the old topic) start over from the new topic's beginning");
		return PartitionSnapshot.empty(partition).withTopicId(topicId);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("ridestream.partitions.assigned", this.assigned, Set::size)
			.description("Partitions of the rides topic this instance counts")
			.register(registry);
		FunctionCounter.builder("ridestream.partitions.restored", this.restored, AtomicLong::get)
			.description("Times a partition's statistics were restored from the changelog (assigned to this "
					+ "instance, or a transaction's outcome not seen)")
			.register(registry);
	}

}
