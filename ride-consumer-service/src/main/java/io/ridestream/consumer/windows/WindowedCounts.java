package io.ridestream.consumer.windows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.ridestream.consumer.zones.ZoneLookup;
import io.ridestream.model.Ride;

/**
 * Rides counted per event-time window (by pickup time) for one partition of the rides topic, with the semantics
 * of Kafka Streams' windowed aggregations:
 * <ul>
 * <li><b>Stream time</b> is the latest pickup time seen, null before the first ride. It only moves forward.</li>
 * <li><b>Late rides.</b> A ride first advances stream time, then, for each window containing its pickup: if the
 * window is closed ({@code end + grace <= streamTime}) the ride is late for it and only counted in the window's
 * {@code lateRides}; otherwise it is added to the window. A ride late for several hopping windows counts once
 * in the total {@link #lateRides()}.</li>
 * <li><b>Outliers.</b> A ride picked up outside the {@link PickupBounds} (decades off, or far ahead of stream
 * time) moves nothing: it counts in {@link #ridesOutsideWindows()} only.</li>
 * <li><b>Eviction.</b> Whenever stream time advances, windows with {@code end + retention <= streamTime} are
 * removed, so memory is bounded on an endless stream. A late ride for such a window is not dropped silently: it
 * counts in {@link #lateRides()} and in {@link #lateRidesForEvictedWindows()} (once, however many of its windows
 * are evicted).</li>
 * <li><b>Merging.</b> {@link #merge} sums the windows of partitions. A merged window is final only once every
 * partition has passed it, so closed-ness in a merged view is judged at the {@link #watermark()}: the earliest
 * stream time of the inputs that have seen rides (a partition without rides does not hold windows open, or an
 * idle partition would keep every window open forever). Its stream time is the latest of the inputs'; windows
 * are evicted from the view at its watermark, so that one partition far ahead cannot empty the view (a window
 * only some inputs have evicted shows the others' rides). Merging is associative and
 * commutative. A partition's watermark is its stream time; rides can only be added where the two are equal.</li>
 * </ul>
 *
 * <p>Not thread-safe: updated by the one consumer thread that owns the partition; other threads read
 * {@link #copy() copies}. A copy shares the windows of the original until it changes one (copy on write), so
 * copying is cheap however many windows are held; once copied, the original must not be changed any more.
 * {@link #changes()} tells which windows a copy changed and evicted, for the changelog.
 */
public final class WindowedCounts {

	private final WindowSpec spec;

	private final NavigableMap<LocalDateTime, WindowTally> windows = new TreeMap<>();

	private LocalDateTime streamTime;

	private LocalDateTime watermark;

	private long lateRides;

	private long lateRidesForEvictedWindows;

	private long ridesOutsideWindows;

	/** The latest of the rides in a row picked up far ahead of stream time (see {@link PickupBounds}), if any. */
	private LocalDateTime aheadSince;

	private int aheadRides;

	/** The windows whose tallies this instance made or copied: its own to change; the others are shared. */
	private Set<LocalDateTime> owned = new HashSet<>();

	/** The windows evicted since this instance was made. */
	private final List<LocalDateTime> evicted = new ArrayList<>();

	/**
	 * The windows of the last ride counted, by the start of the latest of them ({@link #startsOf}): their starts,
	 * in seconds too, and their tallies once written (forgotten when windows are evicted).
	 */
	private List<LocalDateTime> recentStarts;

	private long recentLatestStart;

	private long[] recentStartSeconds;

	private WindowTally[] recentTallies;

	/** The latest plausible pickup time of {@link #latestPlausibleOf}, when last read from the wall clock. */
	private LocalDateTime latestPlausible;

	private PickupBounds latestPlausibleOf;

	public WindowedCounts(WindowSpec spec) {
		this.spec = Objects.requireNonNull(spec, "spec");
	}

	/**
	 * Counts one ride in the windows that contain its pickup time, or as late for those that are closed, whatever
	 * its pickup time.
	 * @throws IllegalStateException if this is a merged view of partitions at different stream times
	 */
	public void add(Ride ride) {
		add(ride, PickupBounds.NONE, Objects.requireNonNullElse(ride.pickupLocationId(), ZoneLookup.OTHER_LOCATION),
				Objects.requireNonNullElse(ride.dropoffLocationId(), ZoneLookup.OTHER_LOCATION));
	}

	/**
	 * Counts one ride in the windows that contain its pickup time, or as late for those that are closed, or, if its
	 * pickup time is outside the bounds, in no window but in {@link #ridesOutsideWindows()}; at the given locations
	 * (its own, or where unlisted locations are counted).
	 * @throws IllegalStateException if this is a merged view of partitions at different stream times
	 */
	public void add(Ride ride, PickupBounds bounds, int pickupLocation, int dropoffLocation) {
		if (!Objects.equals(this.streamTime, this.watermark)) {
			throw new IllegalStateException("rides cannot be added to a merged view of partitions at stream times "
					+ this.watermark + " to " + this.streamTime);
		}
		LocalDateTime pickup = ride.pickupTime();
		if (!withinBounds(pickup, bounds)) {
			this.ridesOutsideWindows++;
			return;
		}
		advanceStreamTime(pickup);
		long streamSecond = WindowSpec.second(this.streamTime);
		boolean late = false;
		boolean forEvictedWindow = false;
		List<LocalDateTime> starts = startsOf(pickup);
		for (int i = 0; i < starts.size(); i++) {
			long startSecond = this.recentStartSeconds[i];
			if (this.spec.isExpired(startSecond, streamSecond)) {
				late = true;
				forEvictedWindow = true;
			}
			else if (this.spec.isClosed(startSecond, streamSecond)) {
				late = true;
				recentTally(i, starts.get(i)).addLate();
			}
			else {
				recentTally(i, starts.get(i)).add(ride, pickupLocation, dropoffLocation);
			}
		}
		if (late) {
			this.lateRides++;
		}
		if (forEvictedWindow) {
			this.lateRidesForEvictedWindows++;
		}
	}

	/** Whether the pickup may move stream time: plausible, and not far ahead unless enough rides in a row agree. */
	private boolean withinBounds(LocalDateTime pickup, PickupBounds bounds) {
		if (pickup.isBefore(bounds.earliest()) || !beforeLatestPlausible(pickup, bounds)) {
			return false;
		}
		if (!bounds.farAhead(pickup, this.streamTime)) {
			this.aheadSince = null;
			this.aheadRides = 0;
			return true;
		}
		if (this.aheadSince == null || !bounds.agree(this.aheadSince, pickup)) {
			this.aheadRides = 0;
		}
		// Each ride of the run is compared with the one before it: a sparse month's run spans days.
		this.aheadSince = pickup;
		if (++this.aheadRides < bounds.jumpAfterRides()) {
			return false;
		}
		this.aheadSince = null;
		this.aheadRides = 0;
		return true;
	}

	/**
	 * Whether the pickup is not after the latest plausible pickup time. That time is read from the wall clock again
	 * only for a pickup after the one read last: the clock only moves on, and reading it took a twentieth of the
	 * time of counting a ride.
	 */
	private boolean beforeLatestPlausible(LocalDateTime pickup, PickupBounds bounds) {
		if (bounds != this.latestPlausibleOf || pickup.isAfter(this.latestPlausible)) {
			this.latestPlausible = bounds.latestPlausible();
			this.latestPlausibleOf = bounds;
		}
		return !pickup.isAfter(this.latestPlausible);
	}

	/**
	 * The starts of the windows that contain the time; those of the previous ride again while rides fall in the
	 * same windows, as most consecutive rides do.
	 */
	private List<LocalDateTime> startsOf(LocalDateTime time) {
		long advance = this.spec.advance().getSeconds();
		long latestStart = Math.floorDiv(WindowSpec.second(time), advance) * advance;
		if (latestStart != this.recentLatestStart || this.recentStarts == null) {
			this.recentStarts = this.spec.windowsOf(time);
			this.recentLatestStart = latestStart;
			this.recentStartSeconds = this.recentStarts.stream().mapToLong(WindowSpec::second).toArray();
			this.recentTallies = new WindowTally[this.recentStarts.size()];
		}
		return this.recentStarts;
	}

	/** The tally of the i-th of the recent windows, this instance's own to change. */
	private WindowTally recentTally(int i, LocalDateTime start) {
		WindowTally tally = this.recentTallies[i];
		if (tally == null) {
			tally = writable(start);
			this.recentTallies[i] = tally;
		}
		return tally;
	}

	/** The window's tally, this instance's own to change: made, or copied if shared. */
	private WindowTally writable(LocalDateTime start) {
		WindowTally tally = this.windows.get(start);
		if (tally == null) {
			tally = new WindowTally();
			this.windows.put(start, tally);
			this.owned.add(start);
		}
		else if (this.owned.add(start)) {
			tally = tally.copy();
			this.windows.put(start, tally);
		}
		return tally;
	}

	private void advanceStreamTime(LocalDateTime time) {
		if (this.streamTime == null || time.isAfter(this.streamTime)) {
			this.streamTime = time;
			this.watermark = time;
			evictExpiredWindows(time);
		}
	}

	private void evictExpiredWindows(LocalDateTime time) {
		if (!this.windows.isEmpty() && this.spec.isExpired(this.windows.firstKey(), time)) {
			NavigableMap<LocalDateTime, WindowTally> expired = this.windows
				.headMap(this.spec.lastExpiredStart(time), true);
			this.evicted.addAll(expired.keySet());
			this.owned.removeAll(expired.keySet());
			expired.clear();
			if (this.recentTallies != null) {
				Arrays.fill(this.recentTallies, null);
			}
		}
	}

	public WindowSpec spec() {
		return this.spec;
	}

	/** The latest pickup time seen (of all merged partitions), or null before the first ride. */
	public LocalDateTime streamTime() {
		return this.streamTime;
	}

	/**
	 * The stream time every merged partition that has seen rides has reached, at which windows are judged
	 * closed; a partition's own stream time; null before the first ride.
	 */
	public LocalDateTime watermark() {
		return this.watermark;
	}

	/** Rides that were late for at least one of their windows, each counted once. */
	public long lateRides() {
		return this.lateRides;
	}

	/** The late rides of which at least one window had already been evicted, so no window counts them. */
	public long lateRidesForEvictedWindows() {
		return this.lateRidesForEvictedWindows;
	}

	/** Rides counted in no window because their pickup time was outside the {@link PickupBounds}. */
	public long ridesOutsideWindows() {
		return this.ridesOutsideWindows;
	}

	/** How many windows are held. */
	public int windowCount() {
		return this.windows.size();
	}

	/** The figures of the window that starts at {@code start}, or null if none is held. */
	public WindowFigures window(LocalDateTime start) {
		WindowTally tally = this.windows.get(start);
		return (tally != null) ? figures(start, tally) : null;
	}

	/**
	 * The figures of the windows that start in {@code [from, to)}, latest first.
	 * @param from the earliest start, or null for no bound
	 * @param to the start the windows are before, or null for no bound
	 * @param limit how many windows at most, at least 1
	 */
	public List<WindowFigures> windows(LocalDateTime from, LocalDateTime to, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit " + limit + " is not at least 1");
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("to " + to + " is before from " + from);
		}
		NavigableMap<LocalDateTime, WindowTally> range = this.windows;
		if (from != null) {
			range = range.tailMap(from, true);
		}
		if (to != null) {
			range = range.headMap(to, false);
		}
		List<WindowFigures> figures = new ArrayList<>(Math.min(limit, range.size()));
		for (Map.Entry<LocalDateTime, WindowTally> window : range.descendingMap().entrySet()) {
			if (figures.size() == limit) {
				break;
			}
			figures.add(figures(window.getKey(), window.getValue()));
		}
		return figures;
	}

	private WindowFigures figures(LocalDateTime start, WindowTally tally) {
		return tally.figures(start, this.spec, this.spec.isClosed(start, this.watermark));
	}

	/**
	 * An independent copy with the same content, whose {@link #changes()} are none yet. It shares the windows'
	 * tallies with this instance until it changes them, so this instance must not be changed any more.
	 */
	public WindowedCounts copy() {
		WindowedCounts copy = new WindowedCounts(this.spec);
		copy.windows.putAll(this.windows);
		this.owned = new HashSet<>(); // now shared: copied before any further change
		this.recentTallies = null;
		this.recentStarts = null;
		copy.setProgress(progress());
		return copy;
	}

	/**
	 * A new view of the windows of this and {@code other} (see the class comment); neither is changed.
	 * @throws IllegalArgumentException if the two count different windows
	 */
	public WindowedCounts merge(WindowedCounts other) {
		if (!this.spec.equals(other.spec)) {
			throw new IllegalArgumentException("cannot merge windows of " + this.spec + " with " + other.spec);
		}
		WindowedCounts merged = copy();
		other.windows.forEach((start, tally) -> {
			if (merged.windows.containsKey(start)) {
				merged.writable(start).mergeIn(tally);
			}
			else {
				merged.windows.put(start, tally);
			}
		});
		merged.lateRides += other.lateRides;
		merged.lateRidesForEvictedWindows += other.lateRidesForEvictedWindows;
		merged.streamTime = later(this.streamTime, other.streamTime);
		merged.watermark = earlier(this.watermark, other.watermark);
		merged.ridesOutsideWindows += other.ridesOutsideWindows;
		merged.aheadSince = null;
		merged.aheadRides = 0;
		if (merged.watermark != null) {
			// By the earliest partition's stream time: one partition far ahead must not evict everyone's windows.
			merged.evictExpiredWindows(merged.watermark);
		}
		return merged;
	}

	private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
		return (a == null || (b != null && b.isBefore(a))) ? b : a;
	}

	private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
		return (a == null || (b != null && b.isAfter(a))) ? b : a;
	}

	/** How far the counting has gone: stream time, watermark and the late rides. */
	public Progress progress() {
		return new Progress(this.streamTime, this.watermark, this.lateRides, this.lateRidesForEvictedWindows,
				this.ridesOutsideWindows, this.aheadSince, this.aheadRides);
	}

	/** The windows this instance changed since it was made (their new figures), and those it evicted. */
	public Changes changes() {
		List<WindowState> changed = new ArrayList<>();
		for (LocalDateTime start : new TreeSet<>(this.owned)) {
			WindowTally tally = this.windows.get(start);
			if (tally != null) {
				changed.add(tally.state(start));
			}
		}
		return new Changes(changed, List.copyOf(this.evicted));
	}

	/**
	 * A copy with changes read from a changelog, made in one go.
	 * @param progress the new progress, or null to keep this one's
	 * @param windows by start: the window's new figures, or null for a window evicted
	 * @throws IllegalArgumentException if a window is not one of the spec's
	 */
	public WindowedCounts withChanges(Progress progress, Map<LocalDateTime, WindowState> windows) {
		WindowedCounts copy = copy();
		if (progress != null) {
			copy.setProgress(progress);
		}
		windows.forEach((start, window) -> {
			if (window == null) {
				copy.windows.remove(start);
				copy.owned.remove(start);
			}
			else {
				requireAligned(start);
				copy.windows.put(start, WindowTally.of(window));
				copy.owned.add(start);
			}
		});
		return copy;
	}

	private void setProgress(Progress progress) {
		this.streamTime = progress.streamTime();
		this.watermark = progress.watermark();
		this.lateRides = progress.lateRides();
		this.lateRidesForEvictedWindows = progress.lateRidesForEvictedWindows();
		this.ridesOutsideWindows = progress.ridesOutsideWindows();
		this.aheadSince = progress.aheadSince();
		this.aheadRides = progress.aheadRides();
	}

	/** A copy with this progress (from a changelog), the windows unchanged. */
	public WindowedCounts withProgress(Progress progress) {
		return withChanges(progress, Map.of());
	}

	private void requireAligned(LocalDateTime start) {
		if (!this.spec.windowsOf(start).contains(start)) {
			throw new IllegalArgumentException("window start " + start + " is not aligned to " + this.spec);
		}
	}

	/** The content as plain data, for a changelog. */
	public State state() {
		List<WindowState> states = new ArrayList<>(this.windows.size());
		this.windows.forEach((start, tally) -> states.add(tally.state(start)));
		return new State(progress(), states);
	}

	/**
	 * The counts with the content of a {@link #state()}.
	 * @throws IllegalArgumentException if the state does not fit the spec
	 */
	public static WindowedCounts of(WindowSpec spec, State state) {
		WindowedCounts counts = new WindowedCounts(spec);
		for (WindowState window : state.windows()) {
			counts.requireAligned(window.start());
			if (counts.windows.put(window.start(), WindowTally.of(window)) != null) {
				throw new IllegalArgumentException("window " + window.start() + " is given twice");
			}
		}
		counts.setProgress(state.progress());
		return counts;
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		if (!(obj instanceof WindowedCounts other)) {
			return false;
		}
		return this.spec.equals(other.spec) && Objects.equals(this.streamTime, other.streamTime)
				&& Objects.equals(this.watermark, other.watermark) && this.lateRides == other.lateRides
				&& this.lateRidesForEvictedWindows == other.lateRidesForEvictedWindows
				&& this.ridesOutsideWindows == other.ridesOutsideWindows
				&& Objects.equals(this.aheadSince, other.aheadSince) && this.aheadRides == other.aheadRides
				&& this.windows.equals(other.windows);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.spec, this.streamTime, this.watermark, this.lateRides,
				this.lateRidesForEvictedWindows, this.ridesOutsideWindows, this.windows);
	}

	@Override
	public String toString() {
		return "WindowedCounts[spec=" + this.spec + ", streamTime=" + this.streamTime + ", watermark="
				+ this.watermark + ", windows=" + this.windows.size() + ", lateRides=" + this.lateRides + "]";
	}

	/**
	 * The fields of {@link WindowedCounts}, as plain data. The spec is configuration, not state.
	 */
	public record State(Progress progress, List<WindowState> windows) {

		public State {
			Objects.requireNonNull(progress, "progress");
			windows = List.copyOf(windows);
		}

	}

	/**
	 * How far the counting of a partition's windows has gone.
	 * @param streamTime the latest pickup time seen, null before the first ride
	 * @param watermark the stream time windows are judged closed at (a partition's: its stream time)
	 * @param lateRides rides late for at least one of their windows
	 * @param lateRidesForEvictedWindows the late rides of which a window was evicted already
	 * @param ridesOutsideWindows rides counted in no window, their pickup time outside the {@link PickupBounds}
	 * @param aheadSince the latest of the rides in a row picked up far ahead of stream time, or null
	 * @param aheadRides how many rides in a row, since {@code aheadSince}, were picked up far ahead
	 */
	public record Progress(LocalDateTime streamTime, LocalDateTime watermark, long lateRides,
			long lateRidesForEvictedWindows, long ridesOutsideWindows, LocalDateTime aheadSince, int aheadRides) {

		public static final Progress NONE = new Progress(null, null, 0, 0, 0, null, 0);

		public Progress {
			if ((streamTime == null) != (watermark == null)) {
				throw new IllegalArgumentException("stream time and watermark must both be given or both not");
			}
			if (streamTime != null && watermark.isAfter(streamTime)) {
				throw new IllegalArgumentException("watermark " + watermark + " is after stream time " + streamTime);
			}
		}

	}

	/**
	 * What a {@link #copy()} changed: the new figures of the windows it changed or made, and the starts of the
	 * windows it evicted.
	 */
	public record Changes(List<WindowState> changed, List<LocalDateTime> evicted) {
	}

	/**
	 * The figures of one window, as plain data for the changelog. Zone counts are pairs of zone id and rides, by
	 * zone ({@code [zone, rides, zone, rides, ...]}): a window's record is written and read every time the window
	 * changes, and arrays of numbers cost far less to write and read than maps.
	 */
	public record WindowState(LocalDateTime start, long rides,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue, long passengers, long lateRides,
			long[] pickups, long[] dropoffs) {

		public WindowState {
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(revenue, "revenue");
			pickups = pickups.clone();
			dropoffs = dropoffs.clone();
		}

		@Override
		public long[] pickups() {
			return this.pickups.clone();
		}

		@Override
		public long[] dropoffs() {
			return this.dropoffs.clone();
		}

		@Override
		public boolean equals(Object obj) {
			return obj instanceof WindowState other && this.start.equals(other.start) && this.rides == other.rides
					&& this.revenue.equals(other.revenue) && this.passengers == other.passengers
					&& this.lateRides == other.lateRides && Arrays.equals(this.pickups, other.pickups)
					&& Arrays.equals(this.dropoffs, other.dropoffs);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.start, this.rides, this.revenue, this.passengers, this.lateRides,
					Arrays.hashCode(this.pickups), Arrays.hashCode(this.dropoffs));
		}

		@Override
		public String toString() {
			return "WindowState[start=" + this.start + ", rides=" + this.rides + ", revenue=" + this.revenue
					+ ", passengers=" + this.passengers + ", lateRides=" + this.lateRides + ", pickups="
					+ Arrays.toString(this.pickups) + ", dropoffs=" + Arrays.toString(this.dropoffs) + "]";
		}

	}

}
