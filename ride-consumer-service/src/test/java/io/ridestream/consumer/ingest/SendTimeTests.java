package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.ridestream.serde.RideHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a ride was sent, from its {@code ridestream-sent-at} header or a recent record timestamp.
 */
class SendTimeTests {

	private static final long NOW = 1_796_140_000_000L;

	private static final long PICKUP_IN_2020 = 1_593_561_600_000L;

	@Test
	void readsTheHeaderRatherThanTheRecordTimestamp() {
		ConsumerRecord<String, String> ride = ride(PICKUP_IN_2020, "1796139999123");

		assertThat(SendTime.ofOrRecentTimestamp(ride, NOW)).isEqualTo(1_796_139_999_123L);
	}

	@Test
	void takesARecentRecordTimestampWithoutTheHeader() {
		assertThat(SendTime.ofOrRecentTimestamp(ride(NOW - 59 * 60_000, null), NOW)).isEqualTo(NOW - 59 * 60_000);
		assertThat(SendTime.ofOrRecentTimestamp(ride(NOW + 30_000, null), NOW)).isEqualTo(NOW + 30_000);
	}

	@Test
	void knowsNoSendTimeOfARideStampedWithAnOldPickupTimeAndNoHeader() {
		assertThat(SendTime.ofOrRecentTimestamp(ride(PICKUP_IN_2020, null), NOW)).isEqualTo(SendTime.UNKNOWN);
		assertThat(SendTime.ofOrRecentTimestamp(ride(NOW - 61 * 60_000, null), NOW)).isEqualTo(SendTime.UNKNOWN);
		assertThat(SendTime.ofOrRecentTimestamp(ride(NOW + 2 * 60_000, null), NOW)).isEqualTo(SendTime.UNKNOWN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-1", "12:00", "1796139999123.5", "9999999999999999999", " 1796139999123" })
	void takesAHeaderThatIsNoTimeForNone(String header) {
		assertThat(SendTime.of(ride(PICKUP_IN_2020, header))).isEqualTo(SendTime.UNKNOWN);
	}

	private static ConsumerRecord<String, String> ride(long timestamp, String sentAt) {
		RecordHeaders headers = new RecordHeaders();
		if (sentAt != null) {
			headers.add(new RecordHeader(RideHeaders.SENT_AT, sentAt.getBytes(StandardCharsets.UTF_8)));
		}
		return new ConsumerRecord<>("rides", 0, 0, timestamp, TimestampType.CREATE_TIME, 0, 0, "1", "ride", headers,
				Optional.empty());
	}

}
