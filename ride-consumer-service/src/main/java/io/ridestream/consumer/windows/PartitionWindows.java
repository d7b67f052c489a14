package io.ridestream.consumer.windows;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.ridestream.model.Ride;

/**
 * The windowed counts of one partition of the rides topic (or of several, merged), one {@link WindowedCounts} per
 * kind of window. Shared read-only once made; {@link #forCounting} gives a copy to count in.
 */
public final class PartitionWindows {

	private static final PartitionWindows NONE = new PartitionWindows(new EnumMap<>(WindowSpec.Kind.class),
			PickupBounds.NONE);

	private final Map<WindowSpec.Kind, WindowedCounts> counts;

	private final PickupBounds bounds;

	private PartitionWindows(Map<WindowSpec.Kind, WindowedCounts> counts, PickupBounds bounds) {
		this.counts = counts;
		this.bounds = bounds;
	}

	/** No windows counted. */
	public static PartitionWindows none() {
		return NONE;
	}

	/**
	 * A copy to count rides in, with counts of every spec: those held for the same spec go on, a spec whose
	 * windows changed (another size, advance, grace or retention) starts afresh. Rides picked up outside the
	 * bounds are kept out of the windows.
	 */
	public PartitionWindows forCounting(Collection<WindowSpec> specs, PickupBounds bounds) {
		Map<WindowSpec.Kind, WindowedCounts> copies = new EnumMap<>(WindowSpec.Kind.class);
		for (WindowSpec spec : specs) {
			WindowedCounts held = this.counts.get(spec.kind());
			copies.put(spec.kind(), (held != null && held.spec().equals(spec)) ? held.copy() : new WindowedCounts(spec));
		}
		return new PartitionWindows(copies, bounds);
	}

	/** Counts a ride at the given locations; only in a copy {@link #forCounting} gave. */
	public void add(Ride ride, int pickupLocation, int dropoffLocation) {
		for (WindowedCounts windowed : this.counts.values()) {
			windowed.add(ride, this.bounds, pickupLocation, dropoffLocation);
		}
	}

	/** The counts of that kind of window, if any. */
	public Optional<WindowedCounts> of(WindowSpec.Kind kind) {
		return Optional.ofNullable(this.counts.get(kind));
	}

	/** The counts of every kind, by kind. */
	public Map<WindowSpec.Kind, WindowedCounts> all() {
		return Collections.unmodifiableMap(this.counts);
	}

	/**
	 * A new view of the windows of both (see {@link WindowedCounts#merge}).
	 * @throws IllegalArgumentException if a kind of window is counted with different specs in the two
	 */
	public PartitionWindows merge(PartitionWindows other) {
		Map<WindowSpec.Kind, WindowedCounts> merged = new EnumMap<>(WindowSpec.Kind.class);
		merged.putAll(this.counts);
		other.counts.forEach((kind, windowed) -> merged.merge(kind, windowed, WindowedCounts::merge));
		return new PartitionWindows(merged, PickupBounds.NONE);
	}

	/** A copy where the counts of {@code windowed}'s kind are {@code windowed}. */
	public PartitionWindows with(WindowedCounts windowed) {
		Map<WindowSpec.Kind, WindowedCounts> changed = new EnumMap<>(WindowSpec.Kind.class);
		changed.putAll(this.counts);
		changed.put(windowed.spec().kind(), windowed);
		return new PartitionWindows(changed, this.bounds);
	}

}
