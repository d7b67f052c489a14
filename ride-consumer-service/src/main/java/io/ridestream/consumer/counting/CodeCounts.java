package io.ridestream.consumer.counting;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Rides per trip code (vendor or payment type), keyed as the statistics show them: the code's digits ({@code "2"}),
 * {@value #UNKNOWN} for rides without one, and {@value #OTHER} for the codes beyond the limit.
 *
 * <p>Counting adds at most {@code limit} distinct keys; a code that would be one more counts under {@value #OTHER},
 * so that a stream of made-up codes cannot grow the statistics without bound. The codes the TLC uses (under 100)
 * and the two named keys are counted in place, so that counting a ride allocates nothing.
 *
 * <p>Not thread-safe.
 */
public final class CodeCounts {

	/** The key of rides without a code. */
	public static final String UNKNOWN = "unknown";

	/** The key of the codes counted together once the limit is reached. */
	public static final String OTHER = "other";

	private static final String[] SMALL_KEYS = IntStream.range(0, 100)
		.mapToObj(String::valueOf)
		.toArray(String[]::new);

	private final int limit;

	private final long[] small = new long[SMALL_KEYS.length];

	private long unknown;

	private long other;

	/** Keys of any other kind: codes of 100 and more, negative ones, and whatever a stored state holds. */
	private final Map<String, Long> rest = new HashMap<>();

	/** How many keys have a count. */
	private int size;

	/** @param limit how many distinct keys counting may add before new codes count under {@value #OTHER} */
	public CodeCounts(int limit) {
		this.limit = limit;
	}

	/** Counts a ride with this code. */
	public void add(int code) {
		if (code < 0 || code >= this.small.length) {
			addKey(String.valueOf(code));
		}
		else if (this.small[code] != 0) {
			this.small[code]++;
		}
		else if (this.size < this.limit) {
			this.small[code] = 1;
			this.size++;
		}
		else {
			addOther(1);
		}
	}

	/** Counts a ride without a code. */
	public void addUnknown() {
		if (this.unknown != 0) {
			this.unknown++;
		}
		else if (this.size < this.limit) {
			this.unknown = 1;
			this.size++;
		}
		else {
			addOther(1);
		}
	}

	private void addKey(String key) {
		Long count = this.rest.get(key);
		if (count != null) {
			this.rest.put(key, count + 1);
		}
		else if (this.size < this.limit) {
			this.rest.put(key, 1L);
			this.size++;
		}
		else {
			addOther(1);
		}
	}

	private void addOther(long rides) {
		if (this.other == 0) {
			this.size++;
		}
		this.other += rides;
	}

	/** Adds the counts of another, key by key, whatever the limit: they were counted within theirs. */
	public void addAll(CodeCounts other) {
		other.forEach(this::addUnlimited);
	}

	/** Adds stored counts, whatever the limit. */
	public void addAll(Map<String, Long> counts) {
		counts.forEach(this::addUnlimited);
	}

	private void addUnlimited(String key, long rides) {
		if (rides <= 0) {
			throw new IllegalArgumentException("code " + key + " count " + rides + " is not positive");
		}
		int code = smallCode(key);
		if (code >= 0) {
			this.size += (this.small[code] == 0) ? 1 : 0;
			this.small[code] += rides;
		}
		else if (key.equals(UNKNOWN)) {
			this.size += (this.unknown == 0) ? 1 : 0;
			this.unknown += rides;
		}
		else if (key.equals(OTHER)) {
			addOther(rides);
		}
		else {
			this.size += this.rest.containsKey(key) ? 0 : 1;
			this.rest.merge(key, rides, Long::sum);
		}
	}

	/** The code whose key this is among the small ones, or -1. */
	private static int smallCode(String key) {
		if (key.isEmpty() || key.length() > 2) {
			return -1;
		}
		int code;
		try {
			code = Integer.parseInt(key);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
		return (code >= 0 && SMALL_KEYS[code].equals(key)) ? code : -1;
	}

	/** The counts by key. */
	public Map<String, Long> toMap() {
		Map<String, Long> map = new HashMap<>(this.size * 2);
		forEach(map::put);
		return map;
	}

	private void forEach(KeyCount action) {
		for (int code = 0; code < this.small.length; code++) {
			if (this.small[code] != 0) {
				action.accept(SMALL_KEYS[code], this.small[code]);
			}
		}
		if (this.unknown != 0) {
			action.accept(UNKNOWN, this.unknown);
		}
		if (this.other != 0) {
			action.accept(OTHER, this.other);
		}
		this.rest.forEach(action::accept);
	}

	@FunctionalInterface
	private interface KeyCount {

		void accept(String key, long count);

	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof CodeCounts other && this.size == other.size && toMap().equals(other.toMap());
	}

	@Override
	public int hashCode() {
		return Objects.hash(toMap());
	}

}
