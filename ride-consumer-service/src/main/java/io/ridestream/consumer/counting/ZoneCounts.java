package io.ridestream.consumer.counting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ride counts per taxi zone id: an open-addressing map of primitive ints to longs, so that counting a ride
 * allocates nothing. A window holds two of these and there may be thousands of windows, hence not a
 * {@code HashMap<Integer, Long>}. A slot is free when its count is 0: zones are only ever counted up.
 */
public final class ZoneCounts {

	private static final Comparator<ZoneCount> BUSIEST_FIRST = Comparator.comparingLong(ZoneCount::rides)
		.reversed()
		.thenComparingInt(ZoneCount::zone);

	private int[] zones = new int[8];

	private long[] counts = new long[8];

	private int size;

	public void add(int zone, long rides) {
		if (rides <= 0) {
			throw new IllegalArgumentException("zone " + zone + " count " + rides + " is not positive");
		}
		int slot = slotOf(zone);
		if (this.counts[slot] == 0) {
			this.zones[slot] = zone;
			this.size++;
			this.counts[slot] = rides;
			if (this.size * 2 > this.zones.length) {
				grow();
			}
		}
		else {
			this.counts[slot] += rides;
		}
	}

	public void addAll(ZoneCounts other) {
		for (int i = 0; i < other.counts.length; i++) {
			if (other.counts[i] != 0) {
				add(other.zones[i], other.counts[i]);
			}
		}
	}

	/** The count of a zone, 0 if it has none. */
	public long get(int zone) {
		return this.counts[slotOf(zone)];
	}

	public int size() {
		return this.size;
	}

	private int slotOf(int zone) {
		int mask = this.zones.length - 1;
		int hash = zone * 0x9E3779B9;
		int slot = (hash ^ (hash >>> 16)) & mask;
		while (this.counts[slot] != 0 && this.zones[slot] != zone) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		int[] oldZones = this.zones;
		long[] oldCounts = this.counts;
		this.zones = new int[oldZones.length * 2];
		this.counts = new long[oldCounts.length * 2];
		this.size = 0;
		for (int i = 0; i < oldCounts.length; i++) {
			if (oldCounts[i] != 0) {
				add(oldZones[i], oldCounts[i]);
			}
		}
	}

	public ZoneCounts copy() {
		ZoneCounts copy = new ZoneCounts();
		copy.zones = this.zones.clone();
		copy.counts = this.counts.clone();
		copy.size = this.size;
		return copy;
	}

	/** The counts as pairs of zone and count, by zone: {@code [zone, count, zone, count, ...]}, for the changelog. */
	public long[] toPairs() {
		int[] sorted = new int[this.size];
		int n = 0;
		for (int i = 0; i < this.counts.length; i++) {
			if (this.counts[i] != 0) {
				sorted[n++] = this.zones[i];
			}
		}
		Arrays.sort(sorted);
		long[] pairs = new long[n * 2];
		for (int i = 0; i < n; i++) {
			pairs[2 * i] = sorted[i];
			pairs[2 * i + 1] = get(sorted[i]);
		}
		return pairs;
	}

	/**
	 * The counts of {@link #toPairs()}.
	 * @throws IllegalArgumentException if they are not pairs of a zone id and a positive count
	 */
	public static ZoneCounts ofPairs(long[] pairs) {
		if (pairs.length % 2 != 0) {
			throw new IllegalArgumentException("zone counts must come in pairs of zone and count");
		}
		ZoneCounts counts = new ZoneCounts();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i] != (int) pairs[i] || pairs[i + 1] <= 0) {
				throw new IllegalArgumentException("not a zone and a positive count: " + pairs[i] + ", " + pairs[i + 1]);
			}
			counts.add((int) pairs[i], pairs[i + 1]);
		}
		return counts;
	}

	/** The counts as a plain map, for reports. */
	public Map<Integer, Long> toMap() {
		Map<Integer, Long> map = new HashMap<>(this.size * 2);
		for (int i = 0; i < this.counts.length; i++) {
			if (this.counts[i] != 0) {
				map.put(this.zones[i], this.counts[i]);
			}
		}
		return map;
	}

	/** The {@code limit} busiest zones, most rides first, ties broken by the lower zone id. */
	public List<ZoneCount> top(int limit) {
		List<ZoneCount> all = new ArrayList<>(this.size);
		for (int i = 0; i < this.counts.length; i++) {
			if (this.counts[i] != 0) {
				all.add(new ZoneCount(this.zones[i], this.counts[i]));
			}
		}
		all.sort(BUSIEST_FIRST);
		return List.copyOf(all.subList(0, Math.min(limit, all.size())));
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		if (!(obj instanceof ZoneCounts other) || this.size != other.size) {
			return false;
		}
		for (int i = 0; i < this.counts.length; i++) {
			if (this.counts[i] != 0 && other.get(this.zones[i]) != this.counts[i]) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int hashCode() {
		int hash = 0;
		for (int i = 0; i < this.counts.length; i++) {
			if (this.counts[i] != 0) {
				hash += this.zones[i] ^ Long.hashCode(this.counts[i]);
			}
		}
		return hash;
	}

}
