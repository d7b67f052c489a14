package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;

import io.ridestream.consumer.stats.StatisticsService;
import io.ridestream.consumer.stats.StatsProperties;
import io.ridestream.consumer.zones.ZoneLookup;
import io.ridestream.model.RideDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@ExtendWith(OutputCaptureExtension.class)
class PoisonMessageRecovererTests {

	private final StatisticsService statistics = new StatisticsService(
			ZoneLookup.load(new ClassPathResource("data/taxi_zone_lookup.csv")), new StatsProperties(10));

	private final PoisonMessageRecoverer recoverer = new PoisonMessageRecoverer(this.statistics);

	@Test
	void countsThePoisonMessageInItsPartition() {
		this.recoverer.accept(new ConsumerRecord<>("rides", 2, 41L, "key", null),
				new InvalidRideException("no value"));

		assertThat(this.statistics.current().poisonMessages()).isEqualTo(1);
		assertThat(this.statistics.current().partitions()).singleElement()
			.satisfies((progress) -> assertThat(progress.lastOffset()).isEqualTo(41L));
	}

	@Test
	void logsWhereThePoisonMessageIsAndWhy(CapturedOutput output) {
		this.recoverer.accept(new ConsumerRecord<>("rides", 2, 41L, "key", null),
				new ListenerExecutionFailedException("Listener failed", new InvalidRideException("no value")));

		assertThat(output).contains("Skipped poison message rides-2@41: no value");
	}

	@Test
	void givesTheDeserializersReasonWithoutJacksonNoise() {
		byte[] json = "{\"VendorID\":\"one\"}".getBytes(StandardCharsets.UTF_8);
		SerializationException invalid = catchThrowableOfType(SerializationException.class,
				() -> new RideDeserializer().deserialize("rides", json));

		String reason = PoisonMessageRecoverer
			.reasonOf(new DeserializationException("failed to deserialize", json, false, invalid));

		assertThat(reason).startsWith("Not a valid ride: ")
			.contains("\"one\"")
			.doesNotContain("[Source:", "reference chain", "\n");
	}

	@Test
	void shortensVeryLongReasons() {
		String reason = PoisonMessageRecoverer.reasonOf(new InvalidRideException("x".repeat(10_000)));

		assertThat(reason).hasSize(300).endsWith("...");
	}

}
