package io.ridestream.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ridestream.consumer.stats.LocationCount;
import io.ridestream.consumer.stats.RideStatistics;
import io.ridestream.read.RideRow;
import io.ridestream.model.Ride;
import io.ridestream.read.RideCsvReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics of the test copy of rides.csv, worked out independently of the code under test: lines split on
 * commas, amounts summed as BigDecimal, counts kept in maps, zones looked up by splitting the zone CSV.
 *
 * <p>Hand-checked against the file with a spreadsheet-style sum: 266 rides (vendor 1: 87, vendor 2: 179), total
 * amount 5685.80, fares 4315.6, tips 414.21, distance 1138.95 (average 4.28), 343 passengers, pickups from
 * 2020-06-30 18:11:01 to 2020-07-01 01:57:36, busiest pickup zone 137 (Kips Bay) with 19 rides.
 */
public final class RidesCsvFigures {

	private static final String RIDES = "/data/rides.csv";

	private static final String ZONES = "/data/taxi_zone_lookup.csv";

	public final long rides;

	public final Map<String, Long> ridesByVendor = new HashMap<>();

	public final Map<String, Long> ridesByPaymentType = new HashMap<>();

	public final long passengers;

	public final BigDecimal totalAmount;

	public final BigDecimal totalFare;

	public final BigDecimal totalTips;

	public final BigDecimal totalDistance;

	public final LocalDateTime firstPickup;

	public final LocalDateTime lastPickup;

	public final Map<Integer, Long> pickups = new HashMap<>();

	public final Map<Integer, Long> dropoffs = new HashMap<>();

	private final Map<Integer, String[]> zones = new HashMap<>();

	private RidesCsvFigures() {
		List<String> lines = lines(RIDES);
		List<String> header = Arrays.asList(lines.get(0).split(","));
		long rides = 0;
		long passengers = 0;
		BigDecimal amount = BigDecimal.ZERO;
		BigDecimal fare = BigDecimal.ZERO;
		BigDecimal tips = BigDecimal.ZERO;
		BigDecimal distance = BigDecimal.ZERO;
		LocalDateTime first = null;
		LocalDateTime last = null;
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split(",", -1);
			rides++;
			this.ridesByVendor.merge(fields[header.indexOf("VendorID")], 1L, Long::sum);
			String payment = fields[header.indexOf("payment_type")];
			this.ridesByPaymentType.merge(payment.isEmpty() ? "unknown" : payment, 1L, Long::sum);
			String passengerCount = fields[header.indexOf("passenger_count")];
			passengers += passengerCount.isEmpty() ? 0 : Long.parseLong(passengerCount);
			amount = amount.add(new BigDecimal(fields[header.indexOf("total_amount")]));
			fare = fare.add(new BigDecimal(fields[header.indexOf("fare_amount")]));
			tips = tips.add(new BigDecimal(fields[header.indexOf("tip_amount")]));
			distance = distance.add(new BigDecimal(fields[header.indexOf("trip_distance")]));
			LocalDateTime pickup = LocalDateTime.parse(fields[header.indexOf("tpep_pickup_datetime")].replace(' ', 'T'));
			first = (first == null || pickup.isBefore(first)) ? pickup : first;
			last = (last == null || pickup.isAfter(last)) ? pickup : last;
			this.pickups.merge(Integer.valueOf(fields[header.indexOf("PULocationID")]), 1L, Long::sum);
			this.dropoffs.merge(Integer.valueOf(fields[header.indexOf("DOLocationID")]), 1L, Long::sum);
		}
		this.rides = rides;
		this.passengers = passengers;
		this.totalAmount = amount;
		this.totalFare = fare;
		this.totalTips = tips;
		this.totalDistance = distance;
		this.firstPickup = first;
		this.lastPickup = last;
		List<String> zoneLines = lines(ZONES);
		for (String line : zoneLines.subList(1, zoneLines.size())) {
			String[] fields = line.replace("\"", "").split(",", -1);
			this.zones.put(Integer.valueOf(fields[0]), fields);
		}
	}

	public static RidesCsvFigures compute() {
		return new RidesCsvFigures();
	}

	/** The rides of the file, as the producer would send them. */
	public static List<Ride> rides() {
		List<Ride> rides = new ArrayList<>();
		try (InputStream in = RidesCsvFigures.class.getResourceAsStream(RIDES);
				Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
				RideCsvReader reader = RideCsvReader.open(text)) {
			RideRow row;
			while ((row = reader.next()) != null) {
				assertThat(row).as("every row of the test data is a ride").isInstanceOf(RideRow.Parsed.class);
				rides.add(((RideRow.Parsed) row).ride());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rides;
	}

	/** The {@code n} busiest locations as they should be listed: most rides first, then lower id. */
	public List<LocationCount> top(Map<Integer, Long> counts, int n) {
		List<Map.Entry<Integer, Long>> ranked = new ArrayList<>(counts.entrySet());
		ranked.sort((a, b) -> (!a.getValue().equals(b.getValue())) ? Long.compare(b.getValue(), a.getValue())
				: Integer.compare(a.getKey(), b.getKey()));
		return ranked.subList(0, Math.min(n, ranked.size())).stream().map((entry) -> {
			String[] zone = this.zones.get(entry.getKey());
			return new LocationCount(entry.getKey(), entry.getValue(), zone[1], zone[2]);
		}).toList();
	}

	/** Asserts every merged figure of {@code stats}; partition progress is up to the caller. */
	public void assertMatches(RideStatistics stats, int topLocations) {
		assertThat(stats.totalRides()).isEqualTo(this.rides);
		assertThat(stats.ridesByVendor()).isEqualTo(this.ridesByVendor);
		assertThat(stats.ridesByPaymentType()).isEqualTo(this.ridesByPaymentType);
		assertThat(stats.totalPassengers()).isEqualTo(this.passengers);
		assertThat(stats.totalAmount()).isEqualByComparingTo(this.totalAmount);
		assertThat(stats.totalFare()).isEqualByComparingTo(this.totalFare);
		assertThat(stats.totalTips()).isEqualByComparingTo(this.totalTips);
		assertThat(stats.averageTripDistance())
			.isEqualTo(this.totalDistance.divide(BigDecimal.valueOf(this.rides), 2, RoundingMode.HALF_EVEN));
		assertThat(stats.firstPickup()).isEqualTo(this.firstPickup);
		assertThat(stats.lastPickup()).isEqualTo(this.lastPickup);
		assertThat(stats.topPickupLocations()).isEqualTo(top(this.pickups, topLocations));
		assertThat(stats.topDropoffLocations()).isEqualTo(top(this.dropoffs, topLocations));
	}

	private static List<String> lines(String resource) {
		try (InputStream in = RidesCsvFigures.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
