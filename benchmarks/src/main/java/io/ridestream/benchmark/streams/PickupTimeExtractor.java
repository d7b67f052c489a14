package io.ridestream.benchmark.streams;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the ride's pickup time. The topic's record timestamps are pickup times too, but the producer
 * service may clamp them to what the broker accepts, so the time is read from the ride itself.
 *
 * <p>The pickup is a New York local date-time. It is placed on the time line as ride-consumer-service's windows
 * place it ({@code WindowSpec.second}): the local date-time read at offset zero, with no time zone, so that
 * windows are aligned to local midnight and every day has 24 hours of windows. New York's offsets are whole hours,
 * so the 10-minute windows start at the same local times as with the zone; only the DST change nights differ.
 */
public final class PickupTimeExtractor implements TimestampExtractor {

	@Override
	public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
		// The value is already deserialized: Streams extracts the time after the value serde.
		if (record.value() instanceof PeerRide ride && ride.pickupTime() != null) {
			return eventTime(ride.pickupTime());
		}
		return record.timestamp();
	}

	/** The local date-time as milliseconds on the windows' time line. */
	static long eventTime(LocalDateTime pickup) {
		return pickup.toInstant(ZoneOffset.UTC).toEpochMilli();
	}

}
