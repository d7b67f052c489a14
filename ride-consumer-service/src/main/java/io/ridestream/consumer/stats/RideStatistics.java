package io.ridestream.consumer.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.ridestream.consumer.windows.WindowedCounts;
import io.ridestream.consumer.zones.ZoneLookup;
import io.ridestream.model.Dataset;

/**
 * The statistics of every ride read so far, as served on {@code /stats}. Amounts and the average distance are
 * exact decimals, written in JSON as strings (e.g. {@code "4385.27"}) so that no client reads them as binary
 * floating point.
 *
 * @param totalRides rides counted
 * @param ridesByVendor rides per vendor code
 * @param ridesByPaymentType rides per payment type code, {@code "unknown"} for rides without one
 * @param totalPassengers the sum of the passenger counts given
 * @param totalAmount the sum of {@code total_amount}
 * @param totalFare the sum of {@code fare_amount}
 * @param totalTips the sum of {@code tip_amount}
 * @param averageTripDistance total distance over rides in miles, to 2 places (half-even); null without rides
 * @param firstPickup the earliest pickup time, null without rides
 * @param lastPickup the latest pickup time, null without rides
 * @param topPickupLocations the busiest pickup zones, busiest first, ties by location id
 * @param topDropoffLocations the busiest dropoff zones, busiest first, ties by location id
 * @param partitions how far each partition has been counted, by partition
 * @param deadLetters messages skipped because they are not rides, each parked on the dead-letter topic
 * @param ridesByPickupBorough rides per borough of their pickup zone, most first
 * @param ridesByDropoffBorough rides per borough of their drop-off zone, most first
 * @param lateRides per kind of window ({@code tumbling}, {@code hopping}): rides that came after one of their
 * windows had closed (see {@code /stats/windows})
 * @param ridesOutsideWindows per kind of window: rides counted here but in no window, their pickup time implausible
 * or far ahead of the other rides of their partition
 * @param datasets the rides of each TLC dataset ({@code yellow}, {@code green}, {@code fhv}) in that order: how
 * many, their revenue and their busiest pickup zones
 */
public record RideStatistics(
		long totalRides,
		Map<String, Long> ridesByVendor,
		Map<String, Long> ridesByPaymentType,
		long totalPassengers,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalFare,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalTips,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageTripDistance,
		LocalDateTime firstPickup,
		LocalDateTime lastPickup,
		List<LocationCount> topPickupLocations,
		List<LocationCount> topDropoffLocations,
		List<PartitionProgress> partitions,
		long deadLetters,
		Map<String, Long> ridesByPickupBorough,
		Map<String, Long> ridesByDropoffBorough,
		Map<String, Long> lateRides,
		Map<String, Long> ridesOutsideWindows,
		List<DatasetFigures> datasets) {

	/**
	 * The rides of one dataset.
	 * @param dataset {@code yellow}, {@code green} or {@code fhv}
	 * @param rides rides counted
	 * @param totalAmount the sum of their {@code total_amount} (FHV trips have none)
	 * @param topPickupLocations their busiest pickup zones
	 */
	public record DatasetFigures(String dataset, long rides,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
			List<LocationCount> topPickupLocations) {
	}

	/** Numeric codes in numeric order, anything else (such as "unknown") after them. */
	private static final Comparator<String> CODE_ORDER = Comparator
		.comparing(RideStatistics::numericCode, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Comparator.naturalOrder());

	/**
	 * The statistics of the merged partitions.
	 * @param partitions snapshots of the partitions, in any order
	 * @param zones names the locations
	 * @param topLocations how many of the busiest locations to list
	 */
	static RideStatistics of(List<PartitionSnapshot> partitions, ZoneLookup zones, int topLocations) {
		RideAggregate all = partitions.stream()
			.map(PartitionSnapshot::aggregate)
			.reduce(new RideAggregate(), RideAggregate::merge);
		List<PartitionProgress> progress = partitions.stream()
			.sorted(Comparator.comparingInt(PartitionSnapshot::partition))
			.map((snapshot) -> new PartitionProgress(snapshot.partition(), snapshot.aggregate().rides(),
					(snapshot.lastOffset() >= 0) ? snapshot.lastOffset() : null))
			.toList();
		return new RideStatistics(all.rides(), inCodeOrder(all.ridesByVendor()),
				inCodeOrder(all.ridesByPaymentType()), all.passengers(), money(all.totalAmount()),
				money(all.totalFare()), money(all.totalTips()), average(all.totalDistance(), all.rides()),
				all.firstPickup(), all.lastPickup(), named(all.topPickupLocations(topLocations), zones),
				named(all.topDropoffLocations(topLocations), zones), progress, all.deadLetters(),
				byBorough(all.pickupsByLocation(), zones), byBorough(all.dropoffsByLocation(), zones),
				perKind(partitions, WindowedCounts::lateRides), perKind(partitions, WindowedCounts::ridesOutsideWindows),
				datasets(all, zones, topLocations));
	}

	private static List<DatasetFigures> datasets(RideAggregate all, ZoneLookup zones, int topLocations) {
		return Arrays.stream(Dataset.values())
			.map(Dataset::wireName)
			.filter(all.byDataset()::containsKey)
			.map((name) -> new DatasetFigures(name, all.byDataset().get(name).rides(),
					money(all.byDataset().get(name).totalAmount()),
					named(all.topPickupLocations(Set.of(name), topLocations), zones)))
			.toList();
	}

	/** The counts per zone summed per borough, most rides first, then by name. */
	private static Map<String, Long> byBorough(Map<Integer, Long> byLocation, ZoneLookup zones) {
		Map<String, Long> sums = new HashMap<>();
		byLocation.forEach((location, count) -> sums.merge(zones.zone(location).borough(), count, Long::sum));
		Map<String, Long> ordered = new LinkedHashMap<>();
		sums.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach((entry) -> ordered.put(entry.getKey(), entry.getValue()));
		return Collections.unmodifiableMap(ordered);
	}

	private static Map<String, Long> perKind(List<PartitionSnapshot> partitions, ToLongFunction<WindowedCounts> count) {
		Map<String, Long> sums = new TreeMap<>();
		for (PartitionSnapshot snapshot : partitions) {
			snapshot.windows()
				.all()
				.forEach((kind, counts) -> sums.merge(kind.name().toLowerCase(Locale.ROOT), count.applyAsLong(counts),
						Long::sum));
		}
		return Collections.unmodifiableMap(sums);
	}

	private static Map<String, Long> inCodeOrder(Map<String, Long> counts) {
		Map<String, Long> ordered = new LinkedHashMap<>();
		counts.keySet().stream().sorted(CODE_ORDER).forEach((code) -> ordered.put(code, counts.get(code)));
		return Collections.unmodifiableMap(ordered);
	}

	private static Long numericCode(String code) {
		try {
			return Long.valueOf(code);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Shows at least cents, never drops a digit: 4385.3 becomes 4385.30, 0.125 stays 0.125. */
	private static BigDecimal money(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 2) ? stripped.setScale(2) : stripped;
	}

	private static BigDecimal average(BigDecimal total, long count) {
		return (count > 0) ? total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN) : null;
	}

	private static List<LocationCount> named(List<Map.Entry<Integer, Long>> counts, ZoneLookup zones) {
		return counts.stream().map((entry) -> LocationCount.of(entry.getKey(), entry.getValue(), zones)).toList();
	}

}
