package io.ridestream.localkafka;

import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a container the broker listens on every interface and tells clients the name other containers know it by
 * (the compose service's name), not {@code localhost}, which would send them back to themselves.
 */
class AdvertisedHostTests {

	@TempDir
	java.nio.file.Path dataDir;

	@Test
	void tellsClientsTheAdvertisedHostAndServesThem() throws Exception {
		// 127.0.0.2 is loopback too, so the test reaches it, but it is neither the bind address nor localhost.
		try (LocalKafkaBroker kafka = LocalKafkaBroker.builder()
			.host("0.0.0.0")
			.advertisedHost("127.0.0.2")
			.dataDir(this.dataDir)
			.build()
			.start()) {
			String bootstrap = "127.0.0.2:" + kafka.port();

			try (Admin admin = KafkaClients.admin(bootstrap)) {
				assertThat(admin.describeCluster().nodes().get()).extracting(Node::host).containsExactly("127.0.0.2");
			}
			assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
			KafkaClients.createTopic(bootstrap, "advertised");
			KafkaClients.send(bootstrap, "advertised", "ride-1", "{}");
			List<ConsumerRecord<String, String>> records = KafkaClients.read(bootstrap, "advertised", 1);
			assertThat(records).singleElement().extracting(ConsumerRecord::key).isEqualTo("ride-1");
		}
	}

}
