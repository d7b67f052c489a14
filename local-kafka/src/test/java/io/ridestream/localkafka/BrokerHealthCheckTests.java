package io.ridestream.localkafka;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container healthcheck says healthy only while the broker serves: not for a closed port, nor for a port
 * that accepts connections but speaks no Kafka.
 */
class BrokerHealthCheckTests {

	@Test
	void findsNoProblemWithAServingBroker() {
		try (LocalKafkaBroker kafka = LocalKafkaBroker.builder().build().start()) {
			assertThat(BrokerHealthCheck.problem(kafka.bootstrapServers(), Duration.ofSeconds(5))).isNull();
		}
	}

	@Test
	void findsAProblemWhenNothingListens() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}

		assertThat(BrokerHealthCheck.problem("127.0.0.1:" + port, Duration.ofSeconds(2))).isNotNull();
	}

	@Test
	@Timeout(30) // a check that hangs is a failure, not a stalled build
	void findsAProblemWhenThePortAcceptsButNoKafkaAnswers() throws Exception {
		try (ServerSocket silent = new ServerSocket(0)) {
			assertThat(BrokerHealthCheck.problem("127.0.0.1:" + silent.getLocalPort(), Duration.ofSeconds(2)))
				.isNotNull();
		}
	}

}
