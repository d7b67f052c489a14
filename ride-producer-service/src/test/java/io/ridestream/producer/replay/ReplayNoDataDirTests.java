package io.ridestream.producer.replay;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * By default no data directory is configured, and no file can be replayed by name. Neither answer needs Kafka,
 * which is not there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ridestream.topic.name=no-data-dir-rides", "spring.kafka.bootstrap-servers=127.0.0.1:1",
				"spring.kafka.admin.auto-create=false" })
@AutoConfigureRestTestClient
class ReplayNoDataDirTests {

	@Autowired
	private RestTestClient client;

	@Test
	void answers404ToTheListSayingHowToConfigureTheDirectory() {
		this.client.get()
			.uri("/rides/files")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("No data directory")
			.jsonPath("$.detail")
			.isEqualTo("No data directory is configured: set ridestream.replay.data-dir (RIDESTREAM_REPLAY_DATA_DIR)"
					+ " to a directory of ride files to replay them by name");
	}

	@Test
	void answers404ToAReplayOfAFile() {
		this.client.post()
			.uri("/rides/replay?file=rides.csv")
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("No data directory");
	}

}
