package io.ridestream.producer.replay;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page on another site can make a browser send without asking the service first (a form POST, with a
 * form's or a text/plain body, or none) neither starts nor cancels a replay.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayCrossSiteTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private ReplayJobs jobs;

	@Test
	void refusesAFormPostThatWouldStartTheDefaultReplay() {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();

		this.client.post()
			.uri("/rides/replay?wait=true")
			.contentType(MediaType.TEXT_PLAIN)
			.body("")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("X-Requested-By"));
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
	}

	@Test
	void startsTheDefaultReplayWhenAskedWithTheHeader() {
		this.client.post()
			.uri("/rides/replay?limit=1")
			.header("X-Requested-By", "test")
			.exchange()
			.expectStatus()
			.isAccepted();
	}

}
