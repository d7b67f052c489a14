package io.ridestream.consumer.stats;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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

	public StatisticsService(ZoneLookup zones, StatsProperties properties, WindowsProperties windows) {
		this.zones = zones;
		this.topLocations = properties.topLocations();
		windows.specs().forEach((spec) -> this.windowSpecs.put(spec.kind(), spec));
	}

	/**
	 * Takes a partition's snapshot in place of the one kept for it, keeping the windows kept for it. The
	 * changelog is read in order, so each snapshot is newer than the one it replaces. The snapshot must no longer
	 * change.
	 */
	void update(PartitionSnapshot snapshot) {
		this.partitions.compute(snapshot.partition(), (partition, kept) -> {
			PartitionWindows windows = (kept != null) ? kept.windows() : PartitionWindows.none();
			for (WindowedCounts progress : snapshot.windows().all().values()) {
				if (configured(progress.spec())) {
					WindowedCounts held = windows.of(progress.spec().kind())
						.filter((counts) -> counts.spec().equals(progress.spec()))
						.orElseGet(() -> new WindowedCounts(progress.spec()));
					windows = windows.with(held.withProgress(progress.progress()));
				}
			}
			return snapshot.withWindows(windows);
		});
	}

	/** Takes a window's figures from its changelog record. */
	void updateWindow(SnapshotJson.Window window) {
		if (!configured(window.spec())) {
			return;
		}
		this.partitions.compute(window.partition(), (partition, kept) -> {
			PartitionSnapshot snapshot = (kept != null) ? kept : PartitionSnapshot.empty(partition);
			WindowedCounts held = snapshot.windows()
				.of(window.spec().kind())
				.filter((counts) -> counts.spec().equals(window.spec()))
				.orElseGet(() -> new WindowedCounts(window.spec()));
			return snapshot.withWindows(snapshot.windows().with(held.withWindow(window.figures())));
		});
	}

	/** Forgets a window its partition evicted. */
	void removeWindow(SnapshotJson.WindowKey key) {
		this.partitions.computeIfPresent(key.partition(),
				(partition, kept) -> kept.windows()
					.of(key.kind())
					.map((held) -> kept.withWindows(kept.windows().with(held.withoutWindow(key.start()))))
					.orElse(kept));
	}

	private boolean configured(WindowSpec spec) {
		return spec.equals(this.windowSpecs.get(spec.kind()));
	}

	/** The latest snapshot read of a partition, if any. */
	public Optional<PartitionSnapshot> snapshot(int partition) {
		return Optional.ofNullable(this.partitions.get(partition));
	}

	/** The statistics of all partitions. */
	public RideStatistics current() {
		List<PartitionSnapshot> snapshots = List.copyOf(this.partitions.values());
		return RideStatistics.of(snapshots, this.zones, this.topLocations);
	}

	/** The windows of that kind of all partitions, merged. */
	public WindowedCounts windows(WindowSpec.Kind kind) {
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

	/** The configured spec of that kind of window. */
	public WindowSpec windowSpec(WindowSpec.Kind kind) {
		return this.windowSpecs.get(kind);
	}

}
