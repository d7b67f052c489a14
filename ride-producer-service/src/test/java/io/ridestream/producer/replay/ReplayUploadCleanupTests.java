package io.ridestream.producer.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spooled upload is deleted when its replay ends, however it ends, and what was spooled of a body that is
 * refused while it is received is deleted at once. (Uploads left by a run that died are deleted at start-up:
 * {@link ReplayUploadSweepTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"ridestream.topic.name=upload-cleanup-rides", "ridestream.replay.max-upload-size=64KB",
		"ridestream.replay.max-concurrent-jobs=10" })
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayUploadCleanupTests {

	private static final Path UPLOADS = UploadDirectory.create();

	@Autowired
	private RestTestClient client;

	@Autowired
	private ReplayJobs jobs;

	@Autowired
	private UploadsInFlight uploadsInFlight;

	@LocalServerPort
	private int port;

	private ReplayApi replays;

	@DynamicPropertySource
	static void uploadDirectory(DynamicPropertyRegistry registry) {
		registry.add("ridestream.replay.upload-dir", UPLOADS::toString);
	}

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void deletesTheSpooledUploadWhenItsReplayCompletes() {
		ReplayJobView job = this.replays.uploadAndWait("", TestCsv.rides(3));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(UploadDirectory.spooled(UPLOADS)).isEmpty();
	}

	@Test
	void deletesTheSpooledUploadWhenItsReplayFails() {
		ReplayJobView job = this.replays.uploadAndWait("", "PAR1 not a CSV");

		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(UploadDirectory.spooled(UPLOADS)).isEmpty();
	}

	@Test
	void deletesTheSpooledUploadWhenItsReplayIsCancelled() {
		ReplayJobView running = this.replays.upload("rate=1", TestCsv.rides(100));
		assertThat(UploadDirectory.spooled(UPLOADS)).hasSize(1);

		this.replays.cancel(running.id());

		assertThat(this.replays.awaitFinished(running.id()).state()).isEqualTo(ReplayState.CANCELLED);
		assertThat(UploadDirectory.spooled(UPLOADS)).isEmpty();
	}

	@Test
	void deletesWhatWasSpooledOfABodyCutOffBeforeItsDeclaredLength() throws IOException {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();

		String response = RawHttp.exchange(this.port, RawHttp.uploadHeaders(1000) + TestCsv.HEADER, true);

		// Tomcat itself answers 400 to a body that broke off; the service logs why (ReplayLimitsTests).
		assertThat(response).startsWith("HTTP/1.1 400 ");
		assertThat(UploadDirectory.spooled(UPLOADS)).isEmpty();
		assertThat(this.jobs.newestFirst()).as("no replay started, nothing counted").hasSameSizeAs(jobsBefore);
		assertThat(this.uploadsInFlight.receiving()).isZero();
	}

	@Test
	void deletesWhatWasSpooledOfABodyOnceItPassesTheLimit() throws Exception {
		byte[] csv = (TestCsv.rides(1) + " ".repeat(100 * 1024)).getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/rides/replay"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv)))
			.build();

		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(UploadDirectory.spooled(UPLOADS)).isEmpty();
	}

}
