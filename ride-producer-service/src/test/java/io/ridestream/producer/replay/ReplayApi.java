package io.ridestream.producer.replay;

import java.time.Duration;

import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * Drives the replay API over HTTP for tests, reading jobs back as the API's own view.
 */
final class ReplayApi {

	private final RestTestClient client;

	ReplayApi(RestTestClient client) {
		this.client = client;
	}

	/** Starts a replay of the default file and returns the job from the 202 answer. */
	ReplayJobView start(String query) {
		return this.client.post()
			.uri("/rides/replay?" + query)
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();
	}

	/** Starts a replay of this CSV and returns the job from the 202 answer. */
	ReplayJobView upload(String query, String csv) {
		return this.client.post()
			.uri("/rides/replay?" + query)
			.contentType(ReplaySources.TEXT_CSV)
			.body(csv)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Replays this CSV (text, or bytes in any encoding) with {@code wait=true} and returns the finished job from
	 * the 200 answer.
	 */
	ReplayJobView uploadAndWait(String query, Object csv) {
		return this.client.post()
			.uri("/rides/replay?wait=true&" + query)
			.contentType(ReplaySources.TEXT_CSV)
			.body(csv)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();
	}

	ReplayJobView get(String id) {
		return this.client.get()
			.uri("/rides/replay/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();
	}

	ReplayJobView cancel(String id) {
		return this.client.delete()
			.uri("/rides/replay/{id}", id)
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();
	}

	ReplayJobView awaitFinished(String id) {
		return awaitFinished(id, Duration.ofSeconds(20));
	}

	ReplayJobView awaitFinished(String id, Duration atMost) {
		return await().atMost(atMost).until(() -> get(id), (job) -> job.state() != ReplayState.RUNNING);
	}

	ReplayJobView awaitPublished(String id, long rides) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> get(id), (job) -> job.published() >= rides);
	}

	ReplayJobView awaitRowsRead(String id, long rows) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> get(id), (job) -> job.rowsRead() >= rows);
	}

}
