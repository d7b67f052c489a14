package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;

import io.ridestream.serde.RideDeserializer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How dead letters are explained in the log; publishing them is in {@link DeadLetterTests}.
 */
class PoisonMessagesTests {

	@Test
	void givesTheSchemaViolationsOfAnInvalidRide() {
		String reason = reasonOfDeserializing("{\"VendorID\":\"one\"}");

		assertThat(reason).startsWith("Ride does not match its JSON Schema: ")
			.contains("VendorID: string found, [integer, null] expected (was \"one\")")
			.doesNotContain("\n");
	}

	@Test
	void givesTheDeserializersReasonWithoutJacksonNoise() {
		String impossibleDate = "{\"VendorID\":1,\"tpep_pickup_datetime\":\"2020-02-30T00:25:32\","
				+ "\"tpep_dropoff_datetime\":\"2020-07-01T00:33:39\",\"trip_distance\":1.50,\"PULocationID\":238,"
				+ "\"DOLocationID\":75,\"fare_amount\":8,\"extra\":0.5,\"mta_tax\":0.5,\"tip_amount\":0,"
				+ "\"tolls_amount\":0,\"improvement_surcharge\":0.3,\"total_amount\":9.3}";

		String reason = reasonOfDeserializing(impossibleDate);

		assertThat(reason).startsWith("Not a valid ride: ")
			.contains("2020-02-30T00:25:32")
			.doesNotContain("[Source:", "reference chain", "\n");
	}

	private static String reasonOfDeserializing(String value) {
		byte[] json = value.getBytes(StandardCharsets.UTF_8);
		SerializationException invalid = catchThrowableOfType(SerializationException.class,
				() -> new RideDeserializer().deserialize("rides", json));
		return PoisonMessages
			.reasonOf(new DeserializationException("failed to deserialize", json, false, invalid));
	}

	@Test
	void shortensVeryLongReasons() {
		String reason = PoisonMessages.reasonOf(new SerializationException("x".repeat(10_000)));

		assertThat(reason).hasSize(300).endsWith("...");
	}

}
