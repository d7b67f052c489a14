package io.ridestream.benchmark.streams;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;

import io.ridestream.model.Ride;
import io.ridestream.serde.RideSerializer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonSerdeTests {

	private static final LocalDateTime PICKUP = LocalDateTime.of(2020, 7, 1, 0, 25, 32);

	@Test
	void readsTheFieldsItNeedsFromTheJsonTheServiceWrites() {
		Ride ride = new Ride(2, PICKUP, PICKUP.plusMinutes(9), 3, new BigDecimal("1.20"), 1, "N", 132, 48, 1,
				new BigDecimal("7.5"), new BigDecimal("0.5"), new BigDecimal("0.5"), new BigDecimal("2.16"),
				BigDecimal.ZERO, new BigDecimal("0.3"), new BigDecimal("12.96"), new BigDecimal("2.5"));
		byte[] json;
		try (RideSerializer serializer = new RideSerializer()) {
			serializer.configure(Map.of(), false);
			json = serializer.serialize("rides", ride);
		}

		PeerRide read = new JsonSerde<>(PeerRide.class).deserializer().deserialize("rides", json);

		assertThat(read).isEqualTo(new PeerRide(2, PICKUP, 3, new BigDecimal("1.20"), 132, 1, new BigDecimal("7.5"),
				new BigDecimal("2.16"), new BigDecimal("12.96")));
	}

	@Test
	void keepsStoredAmountsExactThroughJson() {
		RideStats stats = new RideStats(3, 4, new BigDecimal("123456789.123456789"), new BigDecimal("0.10"),
				new BigDecimal("1E+3"), new BigDecimal("0.3"), Map.of("1", 3L), Map.of("unknown", 3L));
		JsonSerde<RideStats> serde = new JsonSerde<>(RideStats.class);

		RideStats read = serde.deserializer().deserialize("store", serde.serializer().serialize("store", stats));

		assertThat(read).isEqualTo(stats);
	}

	@Test
	void refusesJsonThatIsNotARideWithASerializationException() {
		byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> new JsonSerde<>(PeerRide.class).deserializer().deserialize("rides", notJson))
			.withMessageContaining("PeerRide");
	}

}
