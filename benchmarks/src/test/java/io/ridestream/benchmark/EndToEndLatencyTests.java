package io.ridestream.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EndToEndLatencyTests {

	private static final String EXPOSITION = """
			# HELP ridestream_rides_latency_seconds From a ride's record timestamp to the commit
			# TYPE ridestream_rides_latency_seconds summary
			ridestream_rides_latency_seconds{application="ride-consumer-service",quantile="0.5"} 0.117440512
			ridestream_rides_latency_seconds{application="ride-consumer-service",quantile="0.99"} 0.301989888
			ridestream_rides_latency_seconds_count{application="ride-consumer-service"} 300000
			ridestream_rides_latency_seconds_sum{application="ride-consumer-service"} 35123.4
			""";

	@Test
	void readsASummarysQuantileFromThePrometheusExposition() {
		assertThat(EndToEndLatency.quantile(EXPOSITION, "ridestream_rides_latency_seconds", "0.99"))
			.isEqualTo(0.301989888);
	}

	@Test
	void refusesAnExpositionWithoutTheQuantile() {
		assertThatIllegalStateException()
			.isThrownBy(() -> EndToEndLatency.quantile(EXPOSITION, "ridestream_rides_latency_seconds", "0.999"))
			.withMessageContaining("quantile 0.999");
	}

}
