package io.ridestream.consumer.stats;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

import io.ridestream.consumer.windows.PartitionWindows;
import io.ridestream.consumer.windows.WindowSpec;
import io.ridestream.consumer.windows.WindowedCounts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The changelog's records: JSON, with amounts as exact decimal strings, and a {@code format} so that a later
 * version can tell old records from new ones.
 *
 * <ul>
 * <li>A partition's statistics, keyed by the partition number ({@code "3"}): its {@link PartitionSnapshot}, with
 * the progress of each kind of window (stream time, late rides) but not the windows.</li>
 * <li>One window of a partition, keyed {@code "3/TUMBLING/2020-07-01T00:10"}: its figures, or no value (a
 * tombstone) once it is evicted. Windows have records of their own so that a batch writes only the windows it
 * changed, not the day of windows a partition holds.</li>
 * </ul>
 * Format 1 (statistics without windows) is still read.
 */
public final class SnapshotJson {

	static final int FORMAT = 2;

	private static final int FORMAT_WITHOUT_WINDOWS = 1;

	private static final String WINDOW_KEY_SEPARATOR = "/";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private SnapshotJson() {
	}

	/** The key of a partition's statistics record. */
	public static String key(int partition) {
		return String.valueOf(partition);
	}

	/** The key of a window's record. */
	public static String windowKey(int partition, WindowSpec.Kind kind, LocalDateTime start) {
		return partition + WINDOW_KEY_SEPARATOR + kind + WINDOW_KEY_SEPARATOR + start;
	}

	/**
	 * The partition of the rides topic a record's key belongs to.
	 * @throws IllegalArgumentException if the key names none
	 */
	public static int ridesPartition(String key) {
		if (key == null) {
			throw new IllegalArgumentException("a changelog record without a key");
		}
		int end = key.indexOf(WINDOW_KEY_SEPARATOR);
		try {
			return Integer.parseInt((end < 0) ? key : key.substring(0, end));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a changelog key: " + key, ex);
		}
	}

	/** Whether the key is that of a window's record. */
	public static boolean isWindowKey(String key) {
		return key != null && key.contains(WINDOW_KEY_SEPARATOR);
	}

	/**
	 * The window a window record's key names.
	 * @throws IllegalArgumentException if it names none
	 */
	public static WindowKey parseWindowKey(String key) {
		String[] parts = key.split(WINDOW_KEY_SEPARATOR, -1);
		try {
			if (parts.length == 3) {
				return new WindowKey(Integer.parseInt(parts[0]), WindowSpec.Kind.valueOf(parts[1]),
						LocalDateTime.parse(parts[2]));
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a window key: " + key, ex);
		}
		throw new IllegalArgumentException("not a window key: " + key);
	}

	public static byte[] write(PartitionSnapshot snapshot) {
		Map<WindowSpec.Kind, StoredProgress> windows = new EnumMap<>(WindowSpec.Kind.class);
		snapshot.windows()
			.all()
			.forEach((kind, counts) -> windows.put(kind,
					new StoredProgress(StoredSpec.of(counts.spec()), counts.progress())));
		return MAPPER.writeValueAsBytes(new Stored(FORMAT, snapshot.partition(), snapshot.lastOffset(),
				snapshot.aggregate().state(), windows, snapshot.topicId()));
	}

	/**
	 * Reads a partition's statistics written by {@link #write}; its windows hold their progress but no windows.
	 * @throws IllegalArgumentException if the bytes are not a snapshot of a format this version reads
	 */
	public static PartitionSnapshot read(byte[] json) {
		Stored stored = parse(json, Stored.class, "statistics snapshot");
		if (stored.format() != FORMAT && stored.format() != FORMAT_WITHOUT_WINDOWS) {
			throw new IllegalArgumentException("snapshot format " + stored.format() + " is not " + FORMAT);
		}
		if (stored.aggregate() == null) {
			throw new IllegalArgumentException("not a statistics snapshot: it has no aggregate");
		}
		PartitionWindows windows = PartitionWindows.none();
		if (stored.windows() != null) {
			for (StoredProgress progress : stored.windows().values()) {
				windows = windows.with(new WindowedCounts(progress.spec().spec()).withProgress(progress.progress()));
			}
		}
		return new PartitionSnapshot(stored.partition(), stored.lastOffset(), RideAggregate.of(stored.aggregate()),
				windows, stored.topicId());
	}

	/** A window's record value. */
	public static byte[] writeWindow(int partition, WindowSpec spec, WindowedCounts.WindowState window) {
		return writeWindow(partition, spec, window, null);
	}

	/** A window's record value, of a partition of the rides topic with that id. */
	public static byte[] writeWindow(int partition, WindowSpec spec, WindowedCounts.WindowState window,
			String topicId) {
		return MAPPER.writeValueAsBytes(new StoredWindow(FORMAT, partition, StoredSpec.of(spec), window, topicId));
	}

	/**
	 * Reads a window's record value written by {@link #writeWindow}.
	 * @throws IllegalArgumentException if the bytes are not one
	 */
	public static Window readWindow(byte[] json) {
		StoredWindow stored = parse(json, StoredWindow.class, "window");
		if (stored.format() != FORMAT || stored.spec() == null || stored.window() == null) {
			throw new IllegalArgumentException("not a window of format " + FORMAT);
		}
		WindowSpec spec = stored.spec().spec();
		if (!spec.windowsOf(stored.window().start()).contains(stored.window().start())) {
			throw new IllegalArgumentException(
					"window start " + stored.window().start() + " is not aligned to " + spec);
		}
		return new Window(stored.partition(), spec, stored.window(), stored.topicId());
	}

	private static <T> T parse(byte[] json, Class<T> type, String what) {
		try {
			return MAPPER.readValue(json, type);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("not a " + what + ": " + ex.getMessage(), ex);
		}
	}

	/** The window a window record's key names. */
	public record WindowKey(int partition, WindowSpec.Kind kind, LocalDateTime start) {
	}

	/**
	 * A window's record: the partition, the spec it was counted with, its figures, and the id of the rides topic
	 * (null if not known).
	 */
	public record Window(int partition, WindowSpec spec, WindowedCounts.WindowState figures, String topicId) {
	}

	private record Stored(int format, int partition, long lastOffset, RideAggregate.State aggregate,
			Map<WindowSpec.Kind, StoredProgress> windows, String topicId) {
	}

	private record StoredProgress(StoredSpec spec, WindowedCounts.Progress progress) {
	}

	private record StoredWindow(int format, int partition, StoredSpec spec, WindowedCounts.WindowState window,
			String topicId) {
	}

	/** A spec with its durations in ISO-8601 ({@code PT10M}), exact. */
	private record StoredSpec(WindowSpec.Kind kind, String size, String advance, String grace, String retention) {

		static StoredSpec of(WindowSpec spec) {
			return new StoredSpec(spec.kind(), spec.size().toString(), spec.advance().toString(),
					spec.grace().toString(), spec.retention().toString());
		}

		WindowSpec spec() {
			return new WindowSpec(this.kind, Duration.parse(this.size), Duration.parse(this.advance),
					Duration.parse(this.grace), Duration.parse(this.retention));
		}

	}

}
