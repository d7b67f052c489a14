package io.ridestream.producer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the actuator shows, and hides. No Kafka is running here: readiness follows Kafka, liveness does not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.auto-create=false",
				"ridestream.health.kafka.timeout=500ms" })
@AutoConfigureRestTestClient
class ActuatorTests {

	@Autowired
	private RestTestClient client;

	@Test
	void livenessIsUpWithoutKafka() {
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
	}

	@Test
	void readinessIsDownWithoutKafka() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.json("{\"status\":\"DOWN\"}", JsonCompareMode.STRICT);
	}

	@Test
	void healthShowsAnonymousUsersNoDetails() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status").isEqualTo("DOWN")
			.jsonPath("$.components").doesNotExist()
			.jsonPath("$.details").doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "env", "configprops", "beans", "heapdump", "threaddump", "loggers", "mappings" })
	void endpointIsNotExposed(String endpoint) {
		this.client.get().uri("/actuator/{endpoint}", endpoint).exchange().expectStatus().isNotFound();
	}

	@Test
	void prometheusScrapesTheReplayMeters() {
		String scrape = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(scrape).contains("ridestream_replay_jobs_running")
			.containsPattern("ridestream_replay_rides_total\\{.*outcome=\"published\".*}")
			.containsPattern("ridestream_replay_rides_total\\{.*outcome=\"rejected\".*}")
			.containsPattern("ridestream_replay_rides_total\\{.*outcome=\"failed\".*}");
	}

}
