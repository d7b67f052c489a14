package io.ridestream.localkafka;

import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A broker that tests stop and start again at the same address, keeping its records.
 */
class RestartableKafkaTests {

	@Test
	void comesBackAtTheSameAddressWithItsRecords() throws Exception {
		try (RestartableKafka kafka = new RestartableKafka().start()) {
			KafkaClients.createTopic(kafka.bootstrapServers(), "rides");
			KafkaClients.send(kafka.bootstrapServers(), "rides", "ride-1", "before the restart");

			kafka.stop();
			assertThatException().isThrownBy(() -> connect(kafka.bootstrapServers()));
			kafka.start();

			assertThat(KafkaClients.read(kafka.bootstrapServers(), "rides", 1)).singleElement()
				.satisfies((record) -> assertThat(record.value()).isEqualTo("before the restart"));
		}
	}

	private static void connect(String bootstrapServers) throws Exception {
		String[] hostAndPort = bootstrapServers.split(":");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])), 1000);
		}
	}

}
