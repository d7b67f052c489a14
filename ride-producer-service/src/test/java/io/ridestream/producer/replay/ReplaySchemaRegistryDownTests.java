package io.ridestream.producer.replay;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema registry is configured but nothing answers there: no ride may go out without a schema id.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.producer.properties.schema.registry.url=http://127.0.0.1:1")
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplaySchemaRegistryDownTests {

	@Autowired
	private RestTestClient client;

	@Test
	void failsTheReplayNamingTheRegistryAndTheSubject() {
		ReplayJobView job = new ReplayApi(this.client).uploadAndWait("",
				csv(ride("2020-07-01 00:00:00"), ride("2020-07-01 00:00:01")));

		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error()).contains("http://127.0.0.1:1").contains("rides-value");
		assertThat(job.published()).isZero();
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed());
	}

}
