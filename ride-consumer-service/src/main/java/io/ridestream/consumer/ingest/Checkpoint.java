package io.ridestream.consumer.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What one listener thread counted since its last commit: the counts of its partitions, the poison messages to
 * park, and when counting began. Committed all together, or dropped all together and counted again.
 *
 * <p>Not thread-safe: it belongs to the consumer thread whose partitions it counts.
 */
final class Checkpoint {

	private final Map<Integer, PartitionCount> counts = new LinkedHashMap<>();

	private final List<ConsumerRecord<?, ?>> deadLetters = new ArrayList<>();

	private final SendTimes sendTimes = new SendTimes();

	/** The consumer whose partitions these are, for its group's metadata when committing. */
	private Consumer<?, ?> consumer;

	private long openedAt;

	/** The count of a partition, begun from its committed statistics if this checkpoint has none yet. */
	PartitionCount count(int partition, IntFunction<PartitionCount> begin) {
		PartitionCount count = this.counts.get(partition);
		if (count == null) {
			if (this.counts.isEmpty()) {
				this.openedAt = System.nanoTime();
			}
			count = begin.apply(partition);
			this.counts.put(partition, count);
		}
		return count;
	}

	/** A poison message to park on the dead-letter topic in the commit. */
	void deadLetter(ConsumerRecord<?, ?> record) {
		this.deadLetters.add(record);
	}

	/** When the counted rides were sent, for the time from then to the commit that counts them. */
	SendTimes sendTimes() {
		return this.sendTimes;
	}

	void consumer(Consumer<?, ?> consumer) {
		this.consumer = consumer;
	}

	Consumer<?, ?> consumer() {
		return this.consumer;
	}

	/** Whether the counts are older than the interval, or there are poison messages to park, which wait for none. */
	boolean due(long intervalNanos) {
		return !this.deadLetters.isEmpty() || (!this.counts.isEmpty() && System.nanoTime() - this.openedAt >= intervalNanos);
	}

	boolean isEmpty() {
		return this.counts.isEmpty();
	}

	Collection<PartitionCount> counts() {
		return this.counts.values();
	}

	List<ConsumerRecord<?, ?>> deadLetters() {
		return this.deadLetters;
	}

	/** Drops a partition's count: its statistics start over. */
	void forget(int partition) {
		this.counts.remove(partition);
	}

	/** Starts the next checkpoint, after this one was committed or dropped. */
	void clear() {
		this.counts.clear();
		this.deadLetters.clear();
		this.sendTimes.clear();
	}

}
