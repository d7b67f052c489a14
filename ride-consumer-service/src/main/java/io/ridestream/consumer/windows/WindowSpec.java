package io.ridestream.consumer.windows;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How rides are grouped into event-time windows by their pickup time. Windows are {@code [start, start + size)}
 * and aligned to 1970-01-01T00:00 local time: a window starts at a whole multiple of {@code advance} after it. The
 * arithmetic is on the local date-time itself, with no time zone, so a day always has 24 hours of windows.
 *
 * @param kind tumbling (windows do not overlap) or hopping (each ride is in {@code size / advance} windows)
 * @param size how long a window is; whole seconds
 * @param advance how far apart windows start; whole seconds, equal to {@code size} for tumbling windows
 * @param grace how long after a window's end, in stream time, rides for it are still counted
 * @param retention how long after a window's end, in stream time, it is kept; at least {@code size + grace}
 */
public record WindowSpec(Kind kind, Duration size, Duration advance, Duration grace, Duration retention) {

	/** Every window a ride is in costs per ride; beyond this many, the configuration is surely a mistake. */
	public static final int MAX_WINDOWS_PER_TIME = 60;

	public WindowSpec {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(size, "size");
		Objects.requireNonNull(advance, "advance");
		Objects.requireNonNull(grace, "grace");
		Objects.requireNonNull(retention, "retention");
		requireWholePositiveSeconds("size", size);
		requireWholePositiveSeconds("advance", advance);
		if (kind == Kind.TUMBLING && !advance.equals(size)) {
			throw new IllegalArgumentException("a tumbling window advances by its size " + size + ", not " + advance);
		}
		if (advance.compareTo(size) > 0) {
			throw new IllegalArgumentException("advance " + advance + " is longer than the window size " + size);
		}
		if (size.getSeconds() % advance.getSeconds() != 0) {
			throw new IllegalArgumentException("size " + size + " is not a whole multiple of advance " + advance);
		}
		if (size.getSeconds() / advance.getSeconds() > MAX_WINDOWS_PER_TIME) {
			throw new IllegalArgumentException("size " + size + " over advance " + advance + " puts every ride in more than "
					+ MAX_WINDOWS_PER_TIME + " windows");
		}
		if (grace.isNegative() || grace.getNano() != 0) {
			throw new IllegalArgumentException("grace " + grace + " is not a whole number of seconds, at least 0");
		}
		if (retention.getNano() != 0) {
			throw new IllegalArgumentException("retention " + retention + " is not a whole number of seconds");
		}
		if (retention.compareTo(size.plus(grace)) < 0) {
			throw new IllegalArgumentException(
					"retention " + retention + " is shorter than size + grace " + size.plus(grace));
		}
	}

	/** Tumbling windows of {@code size}. */
	public static WindowSpec tumbling(Duration size, Duration grace, Duration retention) {
		return new WindowSpec(Kind.TUMBLING, size, size, grace, retention);
	}

	/** Hopping windows of {@code size}, one starting every {@code advance}. */
	public static WindowSpec hopping(Duration size, Duration advance, Duration grace, Duration retention) {
		return new WindowSpec(Kind.HOPPING, size, advance, grace, retention);
	}

	private static void requireWholePositiveSeconds(String name, Duration duration) {
		if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
			throw new IllegalArgumentException(name + " " + duration + " is not a positive whole number of seconds");
		}
	}

	/** The starts of the windows that contain {@code time}, earliest first. */
	public List<LocalDateTime> windowsOf(LocalDateTime time) {
		long advanceSeconds = this.advance.getSeconds();
		long latestStart = Math.floorDiv(second(time), advanceSeconds) * advanceSeconds;
		int count = windowsPerTime();
		List<LocalDateTime> starts = new ArrayList<>(count);
		for (int i = count - 1; i >= 0; i--) {
			starts.add(LocalDateTime.ofEpochSecond(latestStart - i * advanceSeconds, 0, ZoneOffset.UTC));
		}
		return starts;
	}

	/** How many windows contain any one time: 1 for tumbling windows. */
	public int windowsPerTime() {
		return (int) (this.size.getSeconds() / this.advance.getSeconds());
	}

	/** The end (exclusive) of the window that starts at {@code start}. */
	public LocalDateTime endOf(LocalDateTime start) {
		return start.plus(this.size);
	}

	/** Whether a window is closed once stream time reaches {@code streamTime}: its end + grace has passed. */
	boolean isClosed(LocalDateTime start, LocalDateTime streamTime) {
		return streamTime != null && isClosed(second(start), second(streamTime));
	}

	/** {@link #isClosed(LocalDateTime, LocalDateTime)} in {@linkplain #second seconds}, for every ride. */
	boolean isClosed(long start, long streamTime) {
		return start + this.size.getSeconds() + this.grace.getSeconds() <= streamTime;
	}

	/** Whether a window is past its retention once stream time reaches {@code streamTime}. */
	boolean isExpired(LocalDateTime start, LocalDateTime streamTime) {
		return streamTime != null && isExpired(second(start), second(streamTime));
	}

	/** {@link #isExpired(LocalDateTime, LocalDateTime)} in {@linkplain #second seconds}, for every ride. */
	boolean isExpired(long start, long streamTime) {
		return start + this.size.getSeconds() + this.retention.getSeconds() <= streamTime;
	}

	/** The time as seconds since 1970-01-01T00:00, the time line windows are aligned on. */
	static long second(LocalDateTime time) {
		return time.toEpochSecond(ZoneOffset.UTC);
	}

	/** The latest start of a window that is past its retention at {@code streamTime}. */
	LocalDateTime lastExpiredStart(LocalDateTime streamTime) {
		return streamTime.minus(this.retention).minus(this.size);
	}

	public enum Kind {

		TUMBLING, HOPPING

	}

}
