package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.ridestream.consumer.counting.CodeCounts;
import io.ridestream.consumer.counting.ZoneCounts;
import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;

/**
 * Counts, sums and extremes over a set of rides, in a form that merges: the aggregate of two sets of rides is
 * {@link #merge merge} of their aggregates, in any order and grouping. So each Kafka partition keeps its own
 * aggregate, a snapshot of it can be stored and restored, and the statistics of the whole topic (or of several
 * consumer instances) are the merge of the partitions' aggregates.
 *
 * <p>Not thread-safe: an aggregate is updated by the one consumer thread that owns its partition; other threads
 * only read aggregates that are no longer updated (those of the changelog's snapshots).
 */
public final class RideAggregate {

	/** The payment-type key for rides that do not say how they were paid. */
	public static final String UNKNOWN_PAYMENT_TYPE = CodeCounts.UNKNOWN;

	/** The vendor key for rides without a vendor: FHV trips, and taxi rows the TLC left blank. */
	public static final String UNKNOWN_VENDOR = CodeCounts.UNKNOWN;

	/** The key of the vendor and payment codes counted together once {@value #MAX_CODES} distinct ones are held. */
	public static final String OTHER_CODE = CodeCounts.OTHER;

	/**
	 * How many distinct vendor and payment codes are counted apart (the TLC uses fewer than ten of each): a stream of
	 * made-up codes must not grow the statistics without bound.
	 */
	static final int MAX_CODES = 32;

	/** Ranks locations by ride count, busiest first, then by location id. */
	static final Comparator<Map.Entry<Integer, Long>> BUSIEST_FIRST = Map.Entry.<Integer, Long>comparingByValue()
		.reversed()
		.thenComparing(Map.Entry.comparingByKey());

	private long rides;

	private long deadLetters;

	private final CodeCounts ridesByVendor = new CodeCounts(MAX_CODES);

	private final CodeCounts ridesByPaymentType = new CodeCounts(MAX_CODES);

	private long passengers;

	private BigDecimal totalAmount = BigDecimal.ZERO;

	private BigDecimal totalFare = BigDecimal.ZERO;

	private BigDecimal totalTips = BigDecimal.ZERO;

	private BigDecimal totalDistance = BigDecimal.ZERO;

	private LocalDateTime firstPickup;

	private LocalDateTime lastPickup;

	private final ZoneCounts pickupsByLocation = new ZoneCounts();

	private final ZoneCounts dropoffsByLocation = new ZoneCounts();

	/** The rides of each dataset, by its wire name; at most one entry per {@link Dataset}. */
	private final Map<String, DatasetTally> byDataset = new TreeMap<>();

	/** The tallies of {@link #byDataset} by {@link Dataset#ordinal()}, as rides find them. */
	private final DatasetTally[] datasetTallies = new DatasetTally[Dataset.values().length];

	/** Adds one ride, counted at its own locations (a location not given counted as location 0). */
	public void add(Ride ride) {
		add(ride, orZero(ride.pickupLocationId()), orZero(ride.dropoffLocationId()));
	}

	private static int orZero(Integer location) {
		return (location != null) ? location : 0;
	}

	/**
	 * Adds one ride, counted at the given locations (its own, or where unlisted locations are counted), and under
	 * {@value #OTHER_CODE} if its vendor or payment code would be one more than {@value #MAX_CODES}.
	 */
	public void add(Ride ride, int pickupLocation, int dropoffLocation) {
		this.rides++;
		countCode(this.ridesByVendor, ride.vendorId());
		countCode(this.ridesByPaymentType, ride.paymentType());
		if (ride.passengerCount() != null) {
			this.passengers += ride.passengerCount();
		}
		// FHV trips have no fares and no distance.
		this.totalAmount = plus(this.totalAmount, ride.totalAmount());
		this.totalFare = plus(this.totalFare, ride.fareAmount());
		this.totalTips = plus(this.totalTips, ride.tipAmount());
		this.totalDistance = plus(this.totalDistance, ride.tripDistance());
		this.firstPickup = earlier(this.firstPickup, ride.pickupTime());
		this.lastPickup = later(this.lastPickup, ride.pickupTime());
		this.pickupsByLocation.add(pickupLocation, 1);
		this.dropoffsByLocation.add(dropoffLocation, 1);
		datasetTally(ride.dataset()).add(ride.totalAmount(), pickupLocation);
	}

	private DatasetTally datasetTally(Dataset dataset) {
		DatasetTally tally = this.datasetTallies[dataset.ordinal()];
		if (tally == null) {
			tally = this.byDataset.computeIfAbsent(dataset.wireName(), (name) -> new DatasetTally());
			this.datasetTallies[dataset.ordinal()] = tally;
		}
		return tally;
	}

	private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
		return (value != null) ? sum.add(value) : sum;
	}

	private static void countCode(CodeCounts counts, Integer code) {
		if (code != null) {
			counts.add(code);
		}
		else {
			counts.addUnknown();
		}
	}

	/** Counts a message that is not a ride: it was skipped and parked on the dead-letter topic. */
	public void addDeadLetter() {
		this.deadLetters++;
	}

	/** The content as plain data, for the statistics changelog. */
	State state() {
		return new State(this.rides, this.deadLetters, this.ridesByVendor.toMap(), this.ridesByPaymentType.toMap(),
				this.passengers, this.totalAmount, this.totalFare, this.totalTips, this.totalDistance, this.firstPickup,
				this.lastPickup, this.pickupsByLocation.toMap(), this.dropoffsByLocation.toMap(), datasetStates());
	}

	private Map<String, DatasetTally.State> datasetStates() {
		Map<String, DatasetTally.State> states = new TreeMap<>();
		this.byDataset.forEach((name, tally) -> states.put(name, tally.state()));
		return states;
	}

	/** The aggregate with the content of a {@link #state()}. */
	static RideAggregate of(State state) {
		RideAggregate aggregate = new RideAggregate();
		aggregate.rides = state.rides();
		aggregate.deadLetters = state.deadLetters();
		aggregate.ridesByVendor.addAll(state.ridesByVendor());
		aggregate.ridesByPaymentType.addAll(state.ridesByPaymentType());
		aggregate.passengers = state.passengers();
		aggregate.totalAmount = state.totalAmount();
		aggregate.totalFare = state.totalFare();
		aggregate.totalTips = state.totalTips();
		aggregate.totalDistance = state.totalDistance();
		aggregate.firstPickup = state.firstPickup();
		aggregate.lastPickup = state.lastPickup();
		state.pickupsByLocation().forEach(aggregate.pickupsByLocation::add);
		state.dropoffsByLocation().forEach(aggregate.dropoffsByLocation::add);
		state.datasets().forEach((name, tally) -> aggregate.byDataset.put(name, DatasetTally.of(tally)));
		return aggregate;
	}

	/** An independent aggregate with the same content. */
	public RideAggregate copy() {
		return new RideAggregate().mergeIn(this);
	}

	/** A new aggregate of the rides of this one and of {@code other}; neither is changed. */
	public RideAggregate merge(RideAggregate other) {
		return copy().mergeIn(other);
	}

	private RideAggregate mergeIn(RideAggregate other) {
		this.rides += other.rides;
		this.deadLetters += other.deadLetters;
		this.ridesByVendor.addAll(other.ridesByVendor);
		this.ridesByPaymentType.addAll(other.ridesByPaymentType);
		this.passengers += other.passengers;
		this.totalAmount = this.totalAmount.add(other.totalAmount);
		this.totalFare = this.totalFare.add(other.totalFare);
		this.totalTips = this.totalTips.add(other.totalTips);
		this.totalDistance = this.totalDistance.add(other.totalDistance);
		this.firstPickup = earlier(this.firstPickup, other.firstPickup);
		this.lastPickup = later(this.lastPickup, other.lastPickup);
		this.pickupsByLocation.addAll(other.pickupsByLocation);
		this.dropoffsByLocation.addAll(other.dropoffsByLocation);
		other.byDataset.forEach((name, tally) -> this.byDataset.computeIfAbsent(name, (key) -> new DatasetTally())
			.mergeIn(tally));
		return this;
	}

	public long rides() {
		return this.rides;
	}

	public long deadLetters() {
		return this.deadLetters;
	}

	/** Rides per vendor code, e.g. {@code "1"}. */
	public Map<String, Long> ridesByVendor() {
		return Collections.unmodifiableMap(this.ridesByVendor.toMap());
	}

	/** Rides per payment type code, with {@value #UNKNOWN_PAYMENT_TYPE} for rides without one. */
	public Map<String, Long> ridesByPaymentType() {
		return Collections.unmodifiableMap(this.ridesByPaymentType.toMap());
	}

	/** The sum of the passenger counts that rides give; rides without one add nothing. */
	public long passengers() {
		return this.passengers;
	}

	public BigDecimal totalAmount() {
		return this.totalAmount;
	}

	public BigDecimal totalFare() {
		return this.totalFare;
	}

	public BigDecimal totalTips() {
		return this.totalTips;
	}

	public BigDecimal totalDistance() {
		return this.totalDistance;
	}

	/** The earliest pickup time, or null when there are no rides. */
	public LocalDateTime firstPickup() {
		return this.firstPickup;
	}

	/** The latest pickup time, or null when there are no rides. */
	public LocalDateTime lastPickup() {
		return this.lastPickup;
	}

	public Map<Integer, Long> pickupsByLocation() {
		return Collections.unmodifiableMap(this.pickupsByLocation.toMap());
	}

	public Map<Integer, Long> dropoffsByLocation() {
		return Collections.unmodifiableMap(this.dropoffsByLocation.toMap());
	}

	/** The rides of each dataset they came from ({@code yellow}, {@code green}, {@code fhv}), by name. */
	public Map<String, DatasetTally> byDataset() {
		return Collections.unmodifiableMap(this.byDataset);
	}

	/**
	 * The {@code limit} busiest pickup locations of the rides of these datasets together, busiest first, ties
	 * broken by the lower location id.
	 */
	public List<Map.Entry<Integer, Long>> topPickupLocations(Set<String> datasets, int limit) {
		Map<Integer, Long> pickups = new HashMap<>();
		this.byDataset.forEach((name, tally) -> {
			if (datasets.contains(name)) {
				tally.pickupsByLocation().forEach((location, count) -> pickups.merge(location, count, Long::sum));
			}
		});
		return busiest(pickups, limit);
	}

	/** The {@code limit} busiest pickup locations, busiest first, ties broken by the lower location id. */
	public List<Map.Entry<Integer, Long>> topPickupLocations(int limit) {
		return busiest(this.pickupsByLocation.toMap(), limit);
	}

	/** The {@code limit} busiest dropoff locations, busiest first, ties broken by the lower location id. */
	public List<Map.Entry<Integer, Long>> topDropoffLocations(int limit) {
		return busiest(this.dropoffsByLocation.toMap(), limit);
	}

	private static List<Map.Entry<Integer, Long>> busiest(Map<Integer, Long> counts, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(BUSIEST_FIRST)
			.limit(limit)
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static LocalDateTime earlier(LocalDateTime current, LocalDateTime candidate) {
		return (current == null || (candidate != null && candidate.isBefore(current))) ? candidate : current;
	}

	private static LocalDateTime later(LocalDateTime current, LocalDateTime candidate) {
		return (current == null || (candidate != null && candidate.isAfter(current))) ? candidate : current;
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		if (!(obj instanceof RideAggregate other)) {
			return false;
		}
		return this.rides == other.rides && this.deadLetters == other.deadLetters
				&& this.passengers == other.passengers && this.ridesByVendor.equals(other.ridesByVendor)
				&& this.ridesByPaymentType.equals(other.ridesByPaymentType)
				&& this.totalAmount.equals(other.totalAmount) && this.totalFare.equals(other.totalFare)
				&& this.totalTips.equals(other.totalTips) && this.totalDistance.equals(other.totalDistance)
				&& Objects.equals(this.firstPickup, other.firstPickup)
				&& Objects.equals(this.lastPickup, other.lastPickup)
				&& this.pickupsByLocation.equals(other.pickupsByLocation)
				&& this.dropoffsByLocation.equals(other.dropoffsByLocation) && this.byDataset.equals(other.byDataset);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.rides, this.deadLetters, this.passengers, this.ridesByVendor,
				this.ridesByPaymentType, this.totalAmount, this.totalFare, this.totalTips, this.totalDistance,
				this.firstPickup, this.lastPickup, this.pickupsByLocation, this.dropoffsByLocation, this.byDataset);
	}

	/** The fields of an aggregate, as stored in the statistics changelog. */
	record State(long rides, long deadLetters, Map<String, Long> ridesByVendor, Map<String, Long> ridesByPaymentType,
			long passengers, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalFare,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalTips,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalDistance, LocalDateTime firstPickup,
			LocalDateTime lastPickup, Map<Integer, Long> pickupsByLocation, Map<Integer, Long> dropoffsByLocation,
			Map<String, DatasetTally.State> datasets) {

		State {
			Objects.requireNonNull(totalAmount, "totalAmount");
			Objects.requireNonNull(totalFare, "totalFare");
			Objects.requireNonNull(totalTips, "totalTips");
			Objects.requireNonNull(totalDistance, "totalDistance");
			ridesByVendor = Map.copyOf(ridesByVendor);
			ridesByPaymentType = Map.copyOf(ridesByPaymentType);
			pickupsByLocation = Map.copyOf(pickupsByLocation);
			dropoffsByLocation = Map.copyOf(dropoffsByLocation);
			// Snapshots written before green and FHV trips have no datasets: all their rides were yellow.
			datasets = (datasets != null) ? Map.copyOf(datasets) : (rides == 0) ? Map.of()
					: Map.of(Dataset.YELLOW.wireName(), new DatasetTally.State(rides, totalAmount, pickupsByLocation));
		}

	}

	@Override
	public String toString() {
		return "RideAggregate[rides=" + this.rides + ", deadLetters=" + this.deadLetters + ", totalAmount="
				+ this.totalAmount + ", firstPickup=" + this.firstPickup + ", lastPickup=" + this.lastPickup + "]";
	}

}
