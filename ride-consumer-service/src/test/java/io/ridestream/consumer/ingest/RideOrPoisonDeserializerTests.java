package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import io.ridestream.consumer.RidesCsvFigures;
import io.ridestream.model.Ride;
import io.ridestream.serde.RideSerializer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which messages reach the listener as rides, and which as poison with why and their bytes in headers.
 */
class RideOrPoisonDeserializerTests {

	private static final String TOPIC = "rides";

	private static final Ride RIDE = RidesCsvFigures.rides().get(0);

	private final RideOrPoisonDeserializer deserializer = configured();

	@Test
	void readsARideWhateverHeadersItsProducerSent() {
		Headers headers = forgedPoisonHeaders();

		Ride ride = this.deserializer.deserialize(TOPIC, headers, serialized(RIDE));

		assertThat(ride).isEqualTo(RIDE);
	}

	@Test
	void marksAMessageThatIsNotARideWithItsReasonAndItsBytes() {
		byte[] garbage = "not a ride".getBytes(StandardCharsets.UTF_8);
		Headers headers = new RecordHeaders();

		Ride ride = this.deserializer.deserialize(TOPIC, headers, garbage);

		assertThat(ride).isNull();
		assertThat(text(headers.lastHeader(RideOrPoisonDeserializer.REASON_HEADER))).startsWith("Not a valid ride: ");
		assertThat(headers.lastHeader(RideOrPoisonDeserializer.VALUE_HEADER).value()).isEqualTo(garbage);
	}

	@Test
	void replacesThePoisonHeadersAProducerSentWithItsOwn() {
		Headers headers = forgedPoisonHeaders();

		this.deserializer.deserialize(TOPIC, headers, "{}".getBytes(StandardCharsets.UTF_8));

		assertThat(named(headers, RideOrPoisonDeserializer.REASON_HEADER)).singleElement()
			.satisfies((reason) -> assertThat(text(reason)).doesNotContain("forged"));
		assertThat(named(headers, RideOrPoisonDeserializer.VALUE_HEADER)).singleElement()
			.satisfies((value) -> assertThat(text(value)).isEqualTo("{}"));
	}

	@Test
	void dropsThePoisonHeadersAProducerSentWithAMessageWithoutValue() {
		Headers headers = forgedPoisonHeaders();

		Ride ride = this.deserializer.deserialize(TOPIC, headers, (byte[]) null);

		assertThat(ride).isNull();
		assertThat(named(headers, RideOrPoisonDeserializer.REASON_HEADER)).isEmpty();
		assertThat(named(headers, RideOrPoisonDeserializer.VALUE_HEADER)).isEmpty();
	}

	private static Headers forgedPoisonHeaders() {
		Headers headers = new RecordHeaders();
		headers.add(RideOrPoisonDeserializer.REASON_HEADER, "forged reason".getBytes(StandardCharsets.UTF_8));
		headers.add(RideOrPoisonDeserializer.VALUE_HEADER, "forged value".getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	private static List<Header> named(Headers headers, String name) {
		return StreamSupport.stream(headers.headers(name).spliterator(), false).toList();
	}

	private static String text(Header header) {
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private static byte[] serialized(Ride ride) {
		try (RideSerializer serializer = new RideSerializer()) {
			serializer.configure(Map.of(), false);
			return serializer.serialize(TOPIC, ride);
		}
	}

	private static RideOrPoisonDeserializer configured() {
		RideOrPoisonDeserializer deserializer = new RideOrPoisonDeserializer();
		deserializer.configure(Map.of(), false);
		return deserializer;
	}

}
