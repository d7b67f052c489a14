package io.ridestream.consumer.ingest;

import java.util.List;

import io.ridestream.consumer.stats.PartitionSnapshot;
import io.ridestream.consumer.stats.RideAggregate;
import io.ridestream.consumer.windows.PartitionWindows;
import io.ridestream.consumer.windows.PickupBounds;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.zones.ZoneLookup;
import io.ridestream.model.Ride;

/**
 * One partition's statistics while messages are counted into them until the next commit: a copy of the committed
 * statistics, so that a commit that fails leaves those untouched.
 */
final class PartitionCount {

	private final int partition;

	private final RideAggregate aggregate;

	private final PartitionWindows windows;

	/** Rides from or to locations it does not list are counted in one place, so the state stays bounded. */
	private final ZoneLookup zones;

	private long lastOffset;

	private final long committedLastOffset;

	private final String topicId;

	private boolean changed;

	private long lastOffsetRead = -1;

	PartitionCount(PartitionSnapshot committed, List<WindowSpec> windows, PickupBounds bounds, ZoneLookup zones) {
		this.zones = zones;
		this.partition = committed.partition();
		this.aggregate = committed.aggregate().copy();
		this.windows = committed.windows().forCounting(windows, bounds);
		this.lastOffset = committed.lastOffset();
		this.committedLastOffset = committed.lastOffset();
		this.topicId = committed.topicId();
	}

	/**
	 * Takes note of a message of this batch.
	 * @return whether it is still to be counted: false if it is counted already (restored statistics go past it)
	 */
	boolean read(long offset) {
		this.lastOffsetRead = offset;
		return offset > this.lastOffset;
	}

	/** Whether the statistics go past every message of this batch, so reading should go on after them. */
	boolean countsBeyondBatch() {
		return this.lastOffset > this.lastOffsetRead;
	}

	void addRide(long offset, Ride ride) {
		int pickup = this.zones.listedOrOther(ride.pickupLocationId());
		int dropoff = this.zones.listedOrOther(ride.dropoffLocationId());
		this.aggregate.add(ride, pickup, dropoff);
		this.windows.add(ride, pickup, dropoff);
		counted(offset);
	}

	void addDeadLetter(long offset) {
		this.aggregate.addDeadLetter();
		counted(offset);
	}

	private void counted(long offset) {
		this.lastOffset = offset;
		this.changed = true;
	}

	/** Whether anything was counted since the committed statistics. */
	boolean changed() {
		return this.changed;
	}

	int partition() {
		return this.partition;
	}

	/** Where to read again from if this count is dropped: after what the committed statistics count. */
	long committedNextOffset() {
		return this.committedLastOffset + 1;
	}

	long nextOffset() {
		return this.lastOffset + 1;
	}

	/** The statistics counted so far; the count must not be used afterwards. */
	PartitionSnapshot snapshot() {
		return new PartitionSnapshot(this.partition, this.lastOffset, this.aggregate, this.windows, this.topicId);
	}

}
