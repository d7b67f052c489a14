package io.ridestream.benchmark.streams;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PickupTimeExtractorTests {

	private final PickupTimeExtractor extractor = new PickupTimeExtractor();

	@Test
	void placesThePickupOnTheTimeLineAsTheServicesWindowsDoWithoutATimeZone() {
		LocalDateTime pickup = LocalDateTime.of(2020, 7, 1, 0, 25, 32);
		ConsumerRecord<Object, Object> record = new ConsumerRecord<>("rides", 0, 0, "132",
				new PeerRide(1, pickup, 1, null, 132, 1, null, null, null));

		assertThat(this.extractor.extract(record, 0)).isEqualTo(pickup.toEpochSecond(ZoneOffset.UTC) * 1000);
	}

	@Test
	void takesTheRecordTimestampForAValueWithoutPickupTime() {
		ConsumerRecord<Object, Object> record = new ConsumerRecord<>("rides", 0, 0, 1_593_577_532_000L,
				TimestampType.CREATE_TIME, 0, 0, "132", null, new RecordHeaders(), Optional.empty());

		assertThat(this.extractor.extract(record, 0)).isEqualTo(1_593_577_532_000L);
	}

}
