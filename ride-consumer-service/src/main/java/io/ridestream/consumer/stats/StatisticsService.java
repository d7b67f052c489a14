package io.ridestream.consumer.stats;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.ridestream.consumer.windows.PartitionWindows;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.windows.WindowsProperties;
import io.ridestream.consumer.zones.ZoneLookup;

import org.springframework.stereotype.Service;

/**
 * The latest snapshot of each partition of the rides topic, from the statistics changelog, merged on read into
 * the statistics of the whole topic. Every instance keeps all partitions, not only those it counts.
 *
 * <p>A partition's windows come in records of their own (see {@link SnapshotJson}); they join the partition's
 * snapshot here. Only windows of the configured specs are kept: those of other specs (counted before the window
 * settings changed) are left out, and counting those windows starts afresh.
 */
@Service
public class StatisticsService {

	private final ConcurrentMap<Integer, PartitionSnapshot> partitions = new ConcurrentHashMap<>();

	private final ZoneLookup zones;

	private final int topLocations;

	private final Map<WindowSpec.Kind, WindowSpec> windowSpecs = new EnumMap<>(WindowSpec.Kind.class);

	/** Counts the changes applied: the merged views below are of the version they name. */
	private final AtomicLong version = new AtomicLong();

	private volatile Merged<RideStatistics> statistics = new Merged<>(-1, null);

	private volatile Merged<RideAggregate> aggregate = new Merged<>(-1, null);

	private final Map<WindowSpec.Kind, Merged<WindowedCounts>> windows = new ConcurrentHashMap<>();

	public StatisticsService(ZoneLookup zones, StatsProperties properties, WindowsProperties windows) {
		this.zones = zones;
		this.topLocations = properties.topLocations();
		windows.specs().forEach((spec) -> this.windowSpecs.put(spec.kind(), spec));
	}

	/** Takes a partition's snapshot in place of the one kept for it (see {@link #apply}). */
	void update(PartitionSnapshot snapshot) {
		ChangelogBatch batch = new ChangelogBatch();
		batch.snapshot(snapshot);
		apply(batch);
	}

	/**
	 * Takes what a batch of changelog records brings: snapshots of partitions, which replace those kept (keeping
	 * the windows kept), and windows, changed or evicted. The changelog is read in order, so each record is newer
	 * than the one it replaces; the snapshots must no longer change. Each partition is changed once per batch,
	 * however many of its windows the batch holds.
	 */
	void apply(ChangelogBatch batch) {
		try {
			applyChanges(batch);
		}
		finally {
			this.version.incrementAndGet();
		}
	}

	private void applyChanges(ChangelogBatch batch) {
		batch.partitions.forEach((partition, changes) -> this.partitions.compute(partition, (key, kept) -> {
			PartitionSnapshot base = (kept != null) ? kept : PartitionSnapshot.empty(partition);
			PartitionSnapshot snapshot = (changes.snapshot != null) ? changes.snapshot : base;
			String topicId = (snapshot.topicId() != null) ? snapshot.topicId() : changes.windowsTopicId();
			// The rides topic was deleted and made again: what was counted of the old one is gone.
			PartitionWindows windows = base.isOfAnotherTopicThan(topicId) ? PartitionWindows.none() : base.windows();
			for (WindowSpec spec : this.windowSpecs.values()) {
				WindowedCounts.Progress progress = (changes.snapshot != null) ? changes.snapshot.windows()
					.of(spec.kind())
					.filter((counts) -> counts.spec().equals(spec))
					.map(WindowedCounts::progress)
					.orElse(null) : null;
				Map<LocalDateTime, WindowedCounts.WindowState> changed = changes.windowsOf(spec, topicId);
				if (progress != null || !changed.isEmpty()) {
					WindowedCounts held = windows.of(spec.kind())
						.filter((counts) -> counts.spec().equals(spec))
						.orElseGet(() -> new WindowedCounts(spec));
					windows = windows.with(held.withChanges(progress, changed));
				}
			}
			return snapshot.withWindows(windows).withTopicId(topicId);
		}));
	}

	/**
	 * A batch of changelog records for {@link #apply}. Windows counted with other settings than the configured
	 * ones are left out when it is applied, and so are windows of a rides topic that was deleted since.
	 */
	static final class ChangelogBatch {

		private final Map<Integer, PartitionChanges> partitions = new LinkedHashMap<>();

		private int records;

		void snapshot(PartitionSnapshot snapshot) {
			changes(snapshot.partition()).snapshot(snapshot);
			this.records++;
		}

		void window(SnapshotJson.Window window) {
			changes(window.partition()).window(window.spec(), window.figures().start(),
					new WindowChange(window.topicId(), window.figures()));
			this.records++;
		}

		/** How many records the batch holds. */
		int records() {
			return this.records;
		}

		/** A window evicted: its tombstone names its kind but not its spec, so it is removed from any spec's. */
		void evicted(SnapshotJson.WindowKey key, Collection<WindowSpec> specs) {
			this.records++;
			specs.stream()
				.filter((spec) -> spec.kind() == key.kind())
				.forEach((spec) -> changes(key.partition()).window(spec, key.start(), new WindowChange(null, null)));
		}

		private PartitionChanges changes(int partition) {
			return this.partitions.computeIfAbsent(partition, (key) -> new PartitionChanges());
		}

	}

	private static final class PartitionChanges {

		private PartitionSnapshot snapshot;

		private final Map<WindowSpec, Map<LocalDateTime, WindowChange>> windows = new HashMap<>();

		/** A snapshot comes before the windows written with it: windows of another topic before it are stale. */
		void snapshot(PartitionSnapshot snapshot) {
			this.snapshot = snapshot;
			if (snapshot.topicId() != null) {
				this.windows.values()
					.forEach((changes) -> changes.values().removeIf((change) -> change.isOfAnotherTopicThan(snapshot.topicId())));
			}
		}

		void window(WindowSpec spec, LocalDateTime start, WindowChange change) {
			this.windows.computeIfAbsent(spec, (key) -> new HashMap<>()).put(start, change);
		}

		/** The topic id the batch's windows name, if any. */
		String windowsTopicId() {
			return this.windows.values()
				.stream()
				.flatMap((changes) -> changes.values().stream())
				.map(WindowChange::topicId)
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(null);
		}

		/** The spec's window changes, by start (null for an evicted one), leaving out those of another topic. */
		Map<LocalDateTime, WindowedCounts.WindowState> windowsOf(WindowSpec spec, String topicId) {
			Map<LocalDateTime, WindowedCounts.WindowState> changes = new HashMap<>();
			this.windows.getOrDefault(spec, Map.of()).forEach((start, change) -> {
				if (!change.isOfAnotherTopicThan(topicId)) {
					changes.put(start, change.figures());
				}
			});
			return changes;
		}

	}

	/** A window's new figures (null: evicted), and the id of the rides topic they count (null: not known). */
	private record WindowChange(String topicId, WindowedCounts.WindowState figures) {

		boolean isOfAnotherTopicThan(String other) {
			return this.topicId != null && other != null && !this.topicId.equals(other);
		}

	}

	/** The latest snapshot read of a partition, if any. */
	public Optional<PartitionSnapshot> snapshot(int partition) {
		return Optional.ofNullable(this.partitions.get(partition));
	}

	/**
	 * The statistics of all partitions, merged once per change of the changelog however often they are asked for, so
	 * that a burst of page loads and scrapes cannot take the cores from the listener.
	 */
	public RideStatistics current() {
		long current = this.version.get();
		Merged<RideStatistics> merged = this.statistics;
		if (merged.version() != current) {
			merged = new Merged<>(current, RideStatistics.of(List.copyOf(this.partitions.values()), this.zones,
					this.topLocations));
			this.statistics = merged;
		}
		return merged.value();
	}

	/**
	 * The busiest pickup zones of the rides of these datasets together ({@code yellow}, {@code green}, {@code fhv}),
	 * busiest first, at most {@code limit}, and how many of their rides were picked up in no zone of the table (no
	 * location given, as in many FHV trips, or one the table does not list): those are not a zone to rank.
	 */
	public PickupZones busiestPickupZones(Set<String> datasets, int limit) {
		long current = this.version.get();
		Merged<RideAggregate> merged = this.aggregate;
		if (merged.version() != current) {
			merged = new Merged<>(current, this.partitions.values()
				.stream()
				.map(PartitionSnapshot::aggregate)
				.reduce(new RideAggregate(), RideAggregate::merge));
			this.aggregate = merged;
		}
		List<Map.Entry<Integer, Long>> busiest = merged.value().topPickupLocations(datasets, limit + 1);
		long withoutZone = busiest.stream()
			.filter((entry) -> entry.getKey() == ZoneLookup.OTHER_LOCATION)
			.mapToLong(Map.Entry::getValue)
			.sum();
		List<LocationCount> zones = busiest.stream()
			.filter((entry) -> entry.getKey() != ZoneLookup.OTHER_LOCATION)
			.limit(limit)
			.map((entry) -> LocationCount.of(entry.getKey(), entry.getValue(), this.zones))
			.toList();
		return new PickupZones(List.copyOf(datasets), withoutZone, zones);
	}

	/** The windows of that kind of all partitions, merged once per change of the changelog (see {@link #current}). */
	public WindowedCounts windows(WindowSpec.Kind kind) {
		long current = this.version.get();
		Merged<WindowedCounts> merged = this.windows.get(kind);
		if (merged == null || merged.version() != current) {
			merged = new Merged<>(current, mergeWindows(kind));
			this.windows.put(kind, merged);
		}
		return merged.value();
	}

	private WindowedCounts mergeWindows(WindowSpec.Kind kind) {
		WindowSpec spec = this.windowSpecs.get(kind);
		WindowedCounts merged = new WindowedCounts(spec);
		for (PartitionSnapshot snapshot : List.copyOf(this.partitions.values())) {
			Optional<WindowedCounts> counts = snapshot.windows().of(kind).filter((held) -> held.spec().equals(spec));
			if (counts.isPresent()) {
				merged = merged.merge(counts.get());
			}
		}
		return merged;
	}

	/**
	 * A view merged from the partitions at a version; a view merged while a change was applied is named after the
	 * version before it, so it is merged again on the next read.
	 */
	private record Merged<T>(long version, T value) {
	}

	/** The configured specs of the windows. */
	public Collection<WindowSpec> windowSpecs() {
		return this.windowSpecs.values();
	}

}
