package io.ridestream.producer.replay;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ridestream.localkafka.LocalKafkaBroker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.TestCsv.rides;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster that wants SASL PLAIN credentials, as Confluent Cloud does, is reached by configuration alone: the
 * topic is created, rides are published and the readiness probe sees the cluster.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.security.protocol=SASL_PLAINTEXT",
				"spring.kafka.properties.sasl.mechanism=PLAIN" })
@AutoConfigureRestTestClient
@DirtiesContext
class ReplaySaslTests {

	private static final LocalKafkaBroker kafka = SaslPlainKafka.start();

	@Autowired
	private RestTestClient client;

	private ReplayApi replays;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers(SaslPlainKafka.LISTENER));
		registry.add("spring.kafka.properties.sasl.jaas.config",
				() -> SaslPlainKafka.jaasConfig(SaslPlainKafka.USER, SaslPlainKafka.PASSWORD));
	}

	@AfterAll
	static void stopKafka() {
		kafka.close();
	}

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void replaysWithTheRightCredentials() {
		ReplayJobView job = this.replays.uploadAndWait("", rides(20));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(20);
		// Read back through the broker's plaintext listener: the records are really there.
		assertThat(RideRecords.of(kafka.bootstrapServers(), "rides", job.id())).hasSize(20);
	}

	@Test
	void readinessReachesTheClusterWithTheSameCredentials() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
	}

}
