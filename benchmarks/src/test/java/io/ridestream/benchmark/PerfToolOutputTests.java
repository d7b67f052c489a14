package io.ridestream.benchmark;

import java.util.List;

import io.ridestream.benchmark.PerfToolOutput.ConsumerSummary;
import io.ridestream.benchmark.PerfToolOutput.ProducerSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PerfToolOutputTests {

	@Test
	void readsTheFinalProducerSummaryNotTheProgressLines() {
		ProducerSummary summary = PerfToolOutput.producerSummary(List.of(
				"250001 records sent, 49990.2 records/sec (20.12 MB/sec), 35.2 ms avg latency, 410.0 ms max latency.",
				"1000000 records sent, 52910.052910 records/sec (21.30 MB/sec), 30.12 ms avg latency, 410.00 ms max "
						+ "latency, 25 ms 50th, 80 ms 95th, 120 ms 99th, 240 ms 99.9th."));

		assertThat(summary).isEqualTo(new ProducerSummary(1_000_000, 52910.052910, 21.30, 30.12, 240));
	}

	@Test
	void refusesProducerOutputWithoutSummary() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PerfToolOutput.producerSummary(List.of("ERROR Connection to node -1 could not be established")))
			.withMessageContaining("No ProducerPerformance summary");
	}

	@Test
	void readsTheConsumerSummaryLineAmongWarnings() {
		ConsumerSummary summary = PerfToolOutput.consumerSummary(List.of(
				"WARN [Consumer clientId=perf-consumer-client, groupId=perf-1] something, something else",
				"2026-11-25 04:10:01:123, 2026-11-25 04:10:06:456, 400.1234, 75.0000, 1000000, 187500.0000, 3012, 2321, "
						+ "172.3930, 430848.7721"));

		assertThat(summary).isEqualTo(new ConsumerSummary(1_000_000, 187500.0, 3012, 2321, 430848.7721));
	}

	@Test
	void refusesConsumerOutputWithoutSummary() {
		assertThatIllegalArgumentException().isThrownBy(() -> PerfToolOutput.consumerSummary(List.of("")))
			.withMessageContaining("No ConsumerPerformance summary");
	}

}
