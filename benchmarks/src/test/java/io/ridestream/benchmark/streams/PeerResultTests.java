package io.ridestream.benchmark.streams;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeerResultTests {

	private static final RideStats TOTALS = new RideStats(100_000, 150_000, new BigDecimal("1987654.32"),
			new BigDecimal("1234567.10"), new BigDecimal("234567.89"), new BigDecimal("301234.56"),
			Map.of("1", 40_000L, "2", 60_000L), Map.of("1", 70_000L, "2", 30_000L));

	private static final PeerResult RESULT = new PeerResult(100_000, 2.5, 39_999.6, 260, TOTALS, 100_000, 200_000,
			0.4, 2.3, 0.3, 3.9, 0.8, 0.2, Map.of("stream-thread-metrics.commit-total", 31.0));

	@Test
	void readsTheResultLineItPrintsBackExactly() {
		assertThat(PeerResult.fromOutput(List.of(RESULT.toLine()))).isEqualTo(RESULT);
	}

	@Test
	void findsTheResultAmongLogLines() {
		List<String> output = List.of("[main] WARN org.apache.kafka.streams.StreamsConfig - something",
				RESULT.toLine(), "[kafka-streams-close-thread] WARN something else");

		assertThat(PeerResult.fromOutput(output).totals().totalAmount()).isEqualTo(new BigDecimal("1987654.32"));
	}

	@Test
	void refusesOutputWithoutAResultQuotingItsEnd() {
		List<String> output = List.of("RideStatsStreams processed 12 of 100000 rides within PT5M");

		assertThatIllegalArgumentException().isThrownBy(() -> PeerResult.fromOutput(output))
			.withMessageContaining("No Streams peer result")
			.withMessageContaining("processed 12 of 100000 rides");
	}

}
