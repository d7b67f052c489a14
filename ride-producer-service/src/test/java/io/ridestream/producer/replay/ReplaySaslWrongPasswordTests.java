package io.ridestream.producer.replay;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ridestream.localkafka.LocalKafkaBroker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.TestCsv.rides;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong credentials fail the replay at once, with an error that says so, and keep the service unready.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.security.protocol=SASL_PLAINTEXT",
				"spring.kafka.properties.sasl.mechanism=PLAIN", "spring.kafka.admin.auto-create=false" })
@AutoConfigureRestTestClient
@DirtiesContext
class ReplaySaslWrongPasswordTests {

	private static final LocalKafkaBroker kafka = SaslPlainKafka.start();

	@Autowired
	private RestTestClient client;

	private ReplayApi replays;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers(SaslPlainKafka.LISTENER));
		registry.add("spring.kafka.properties.sasl.jaas.config",
				() -> SaslPlainKafka.jaasConfig(SaslPlainKafka.USER, "wrong"));
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
	void failsWithAClearErrorWhenTheCredentialsAreWrong() {
		long start = System.nanoTime();
		ReplayJobView job = this.replays.uploadAndWait("", rides(5));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error())
			.startsWith("Kafka at " + kafka.bootstrapServers(SaslPlainKafka.LISTENER) + " rejected the credentials: ")
			.containsIgnoringCase("invalid username or password");
		assertThat(job.published()).isZero();
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed());
	}

	@Test
	void isNotReadyWhenTheCredentialsAreWrong() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

}
