package io.ridestream.consumer.stats;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changelog's record value for a {@link PartitionSnapshot}: JSON, with amounts as exact decimal strings.
 * {@code format} is written so that a later version can tell old snapshots from new ones.
 */
public final class SnapshotJson {

	static final int FORMAT = 1;

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private SnapshotJson() {
	}

	public static byte[] write(PartitionSnapshot snapshot) {
		return MAPPER.writeValueAsBytes(new Stored(FORMAT, snapshot.partition(), snapshot.lastOffset(),
				snapshot.aggregate().state()));
	}

	/**
	 * Reads a snapshot written by {@link #write}.
	 * @throws IllegalArgumentException if the bytes are not a snapshot of a format this version reads
	 */
	public static PartitionSnapshot read(byte[] json) {
		Stored stored;
		try {
			stored = MAPPER.readValue(json, Stored.class);
		}
		catch (JacksonException | NullPointerException ex) {
			throw new IllegalArgumentException("not a statistics snapshot: " + ex.getMessage(), ex);
		}
		if (stored.format() != FORMAT) {
			throw new IllegalArgumentException("snapshot format " + stored.format() + " is not " + FORMAT);
		}
		if (stored.aggregate() == null) {
			throw new IllegalArgumentException("not a statistics snapshot: it has no aggregate");
		}
		return new PartitionSnapshot(stored.partition(), stored.lastOffset(), RideAggregate.of(stored.aggregate()));
	}

	private record Stored(int format, int partition, long lastOffset, RideAggregate.State aggregate) {
	}

}
