package io.ridestream.benchmark.streams;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import io.ridestream.model.Ride;
import io.ridestream.serde.RideSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RideStatsTopologyTests {

	private static final LocalDateTime NOON = LocalDateTime.of(2020, 7, 1, 12, 0);

	@TempDir
	Path stateDir;

	private final RideSerializer serializer = new RideSerializer();

	private final AtomicReference<Runnable> onRide = new AtomicReference<>(() -> {
	});

	private TopologyTestDriver driver;

	private TestInputTopic<String, byte[]> rides;

	@BeforeEach
	void startDriver() {
		this.serializer.configure(Map.of(), false);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ride-stats-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		this.driver = new TopologyTestDriver(RideStatsTopology.build("rides", () -> this.onRide.get().run()), config);
		this.rides = this.driver.createInputTopic("rides", new StringSerializer(), new ByteArraySerializer());
	}

	@AfterEach
	void closeDriver() {
		this.driver.close();
		this.serializer.close();
	}

	@Test
	void sumsEachPickupLocationsRidesExactly() {
		send(ride(132, NOON, 1, 1, "10.10", "0.10"));
		send(ride(132, NOON.plusMinutes(1), 2, null, "20.20", "0.20"));
		send(ride(236, NOON.plusMinutes(2), 2, 2, "5.00", "0"));

		RideStats jfk = stats().get("132");
		assertThat(jfk.rides()).isEqualTo(2);
		assertThat(jfk.totalAmount()).isEqualByComparingTo("30.30");
		assertThat(jfk.totalTips()).isEqualByComparingTo("0.30");
		assertThat(jfk.ridesByVendor()).isEqualTo(Map.of("1", 1L, "2", 1L));
		assertThat(jfk.ridesByPaymentType()).isEqualTo(Map.of("1", 1L, RideStats.UNKNOWN, 1L));
		assertThat(stats().get("236").rides()).isEqualTo(1);
	}

	@Test
	void countsRidesPerPickupLocationInTenMinuteTumblingWindowsOfPickupTime() {
		send(ride(132, NOON.plusMinutes(1), 1, 1, "10", "0"));
		send(ride(132, NOON.plusMinutes(9), 1, 1, "10", "0"));
		send(ride(132, NOON.plusMinutes(10), 1, 1, "10", "0"));

		assertThat(windows(RideStatsTopology.TUMBLING_STORE)).containsExactly(
				KeyValue.pair("132@" + NOON, 2L), KeyValue.pair("132@" + NOON.plusMinutes(10), 1L));
	}

	@Test
	void countsEachRideInTwoHoppingWindows() {
		send(ride(132, NOON.plusMinutes(7), 1, 1, "10", "0"));

		assertThat(windows(RideStatsTopology.HOPPING_STORE)).containsExactly(
				KeyValue.pair("132@" + NOON, 1L), KeyValue.pair("132@" + NOON.plusMinutes(5), 1L));
	}

	@Test
	void leavesARideOutOfWindowsClosedForAnHourButCountsItInTheStatistics() {
		send(ride(132, NOON.plusMinutes(1), 1, 1, "10", "0"));
		send(ride(132, NOON.plusMinutes(70), 1, 1, "10", "0"));
		// The noon window ended at 12:10; its grace ended at 13:10, the stream time now.
		send(ride(132, NOON.plusMinutes(2), 1, 1, "10", "0"));

		assertThat(windows(RideStatsTopology.TUMBLING_STORE)).containsExactly(
				KeyValue.pair("132@" + NOON, 1L), KeyValue.pair("132@" + NOON.plusMinutes(70), 1L));
		assertThat(stats().get("132").rides()).isEqualTo(3);
	}

	@Test
	void reportsARideProcessedOnceEveryStoreCountedIt() {
		List<Long> seen = new ArrayList<>();
		this.onRide.set(() -> {
			seen.add(stats().get("132").rides());
			seen.add(windowTotal(RideStatsTopology.TUMBLING_STORE));
			seen.add(windowTotal(RideStatsTopology.HOPPING_STORE));
		});

		send(ride(132, NOON.plusMinutes(1), 1, 1, "10", "0"));

		assertThat(seen).containsExactly(1L, 1L, 2L);
	}

	private void send(Ride ride) {
		this.rides.pipeInput(ride.pickupLocationId().toString(), this.serializer.serialize("rides", ride));
	}

	private Map<String, RideStats> stats() {
		KeyValueStore<String, RideStats> store = this.driver.getKeyValueStore(RideStatsTopology.STATS_STORE);
		Map<String, RideStats> all = new TreeMap<>();
		try (KeyValueIterator<String, RideStats> iterator = store.all()) {
			iterator.forEachRemaining((entry) -> all.put(entry.key, entry.value));
		}
		return all;
	}

	/** Each window as location@start (local time, as the windows' time line is), in store order. */
	private List<KeyValue<String, Long>> windows(String storeName) {
		WindowStore<String, Long> store = this.driver.getWindowStore(storeName);
		List<KeyValue<String, Long>> windows = new ArrayList<>();
		try (KeyValueIterator<Windowed<String>, Long> iterator = store.all()) {
			iterator.forEachRemaining((entry) -> windows.add(KeyValue.pair(entry.key.key() + "@"
					+ LocalDateTime.ofEpochSecond(entry.key.window().start() / 1000, 0, ZoneOffset.UTC), entry.value)));
		}
		return windows;
	}

	private long windowTotal(String storeName) {
		return windows(storeName).stream().mapToLong((window) -> window.value).sum();
	}

	private static Ride ride(int pickupLocation, LocalDateTime pickup, int vendor, Integer paymentType, String total,
			String tip) {
		return new Ride(vendor, pickup, pickup.plusMinutes(12), 1, new BigDecimal("2.5"), 1, "N", pickupLocation, 48,
				paymentType, new BigDecimal(total), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(tip),
				BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(total), BigDecimal.ZERO);
	}

}
