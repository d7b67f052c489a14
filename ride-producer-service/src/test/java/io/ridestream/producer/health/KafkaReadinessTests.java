package io.ridestream.producer.health;

import java.io.IOException;
import java.time.Duration;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ridestream.localkafka.RestartableKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows Kafka: down while the broker is stopped, up again by itself once it is back. Liveness never
 * depends on Kafka, so a dead broker does not get the service restarted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ridestream.health.kafka.timeout=1s", "spring.kafka.admin.operation-timeout=3s" })
@AutoConfigureRestTestClient
class KafkaReadinessTests {

	private static final RestartableKafka kafka = new RestartableKafka().start();

	@Autowired
	private RestTestClient client;

	@Autowired
	private KafkaHealthIndicator indicator;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
	}

	@AfterAll
	static void stopKafka() throws IOException {
		kafka.close();
	}

	@Test
	void readinessIsDownWhileKafkaIsStoppedAndComesBackByItself() {
		assertThat(probe("readiness")).isEqualTo(new Probe(HttpStatus.OK, "UP"));

		kafka.stop();
		await().atMost(Duration.ofSeconds(10)).until(() -> probe("readiness"),
				(probe) -> probe.equals(new Probe(HttpStatus.SERVICE_UNAVAILABLE, "DOWN")));
		assertThat(probe("liveness")).isEqualTo(new Probe(HttpStatus.OK, "UP"));
		// Anonymous probes see only the status; the reason is in the details, for whoever may see them.
		assertThat(this.indicator.health().getDetails()).containsEntry("bootstrapServers", kafka.bootstrapServers())
			.extractingByKey("reason", InstanceOfAssertFactories.STRING)
			.startsWith("Kafka is unreachable: ");

		kafka.start();
		await().atMost(Duration.ofSeconds(15)).until(() -> probe("readiness"),
				(probe) -> probe.equals(new Probe(HttpStatus.OK, "UP")));
		assertThat(probe("liveness")).isEqualTo(new Probe(HttpStatus.OK, "UP"));
	}

	private Probe probe(String name) {
		EntityExchangeResult<Probe.Body> result = this.client.get()
			.uri("/actuator/health/{probe}", name)
			.exchange()
			.returnResult(Probe.Body.class);
		return new Probe(HttpStatus.valueOf(result.getStatus().value()), result.getResponseBody().status());
	}

	record Probe(HttpStatus httpStatus, String status) {

		record Body(String status) {
		}

	}

}
