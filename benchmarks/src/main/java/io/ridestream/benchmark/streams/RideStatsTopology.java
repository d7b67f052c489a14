package io.ridestream.benchmark.streams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The peer's statistics in the Streams DSL. The rides are keyed by pickup location, so they are grouped by their
 * key (no repartition topic) and aggregated three times, each into a state store of its own:
 * <ul>
 * <li>{@value #STATS_STORE}: a {@link RideStats} per pickup location (a KTable, its value stored as JSON);</li>
 * <li>{@value #TUMBLING_STORE}: rides per pickup location in tumbling windows of 10 minutes, grace 1 hour;</li>
 * <li>{@value #HOPPING_STORE}: the same in hopping windows of 10 minutes advancing by 5, grace 1 hour.</li>
 * </ul>
 * The windows are ride-consumer-service's defaults ({@code ridestream.windows}), kept as long as it keeps them
 * (24 hours of event time after their end) instead of Streams' default of size + grace.
 */
public final class RideStatsTopology {

	public static final String STATS_STORE = "ride-stats";

	public static final String TUMBLING_STORE = "tumbling-counts";

	public static final String HOPPING_STORE = "hopping-counts";

	static final Duration WINDOW_SIZE = Duration.ofMinutes(10);

	static final Duration HOPPING_ADVANCE = Duration.ofMinutes(5);

	static final Duration GRACE = Duration.ofHours(1);

	static final Duration WINDOW_RETENTION = Duration.ofHours(24);

	private RideStatsTopology() {
	}

	/**
	 * @param ridesTopic the topic of the rides, keyed by pickup location
	 * @param onRide called for every ride once all three aggregations have counted it
	 */
	public static Topology build(String ridesTopic, Runnable onRide) {
		Serde<PeerRide> rideSerde = new JsonSerde<>(PeerRide.class);
		StreamsBuilder builder = new StreamsBuilder();
		KStream<String, PeerRide> rides = builder.stream(ridesTopic,
				Consumed.with(Serdes.String(), rideSerde).withTimestampExtractor(new PickupTimeExtractor()));
		KGroupedStream<String, PeerRide> byPickup = rides.groupByKey(Grouped.with(Serdes.String(), rideSerde));

		byPickup.aggregate(RideStats::empty, (location, ride, stats) -> stats.plus(ride),
				Materialized.<String, RideStats, KeyValueStore<Bytes, byte[]>>as(STATS_STORE)
					.withKeySerde(Serdes.String())
					.withValueSerde(new JsonSerde<>(RideStats.class)));
		byPickup.windowedBy(TimeWindows.ofSizeAndGrace(WINDOW_SIZE, GRACE))
			.count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(TUMBLING_STORE)
				.withRetention(WINDOW_RETENTION.plus(WINDOW_SIZE)));
		byPickup.windowedBy(TimeWindows.ofSizeAndGrace(WINDOW_SIZE, GRACE).advanceBy(HOPPING_ADVANCE))
			.count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(HOPPING_STORE)
				.withRetention(WINDOW_RETENTION.plus(WINDOW_SIZE)));

		// Added last, so the source forwards each ride here after the three aggregations (children in order).
		rides.foreach((location, ride) -> onRide.run());
		return builder.build();
	}

}
