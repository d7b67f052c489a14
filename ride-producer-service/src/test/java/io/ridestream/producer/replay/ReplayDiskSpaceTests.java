package io.ridestream.producer.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload the upload directory's disk has no room for, keeping {@code min-free-disk} free, is refused with 507
 * before its body is read. The reserve here is larger than any disk, so every upload is refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ridestream.topic.name=disk-space-rides", "ridestream.replay.min-free-disk=1000000TB" })
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayDiskSpaceTests {

	private static final Path UPLOADS = UploadDirectory.create();

	private static final long RESERVE = 1_000_000L * 1024 * 1024 * 1024 * 1024;

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
	void refusesAnUploadTheDiskHasNoRoomForBeforeReadingIt() throws IOException {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();
		// Only the headers are sent: answering at all shows the body is not awaited.
		String response = RawHttp.exchange(this.port, RawHttp.uploadHeaders(1000), false);

		assertThat(response).startsWith("HTTP/1.1 507 ").contains("Content-Type: application/problem+json");
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
		assertThat(UploadDirectory.spooled(UPLOADS)).isEmpty();
		assertThat(this.uploadsInFlight.receiving()).isZero();
	}

	@Test
	void saysHowMuchSpaceTheUploadNeedsAndHowMuchIsFreeWhere() {
		this.client.post()
			.uri("/rides/replay")
			.contentType(ReplaySources.TEXT_CSV)
			.body(TestCsv.rides(1))
			.exchange()
			.expectStatus()
			.isEqualTo(507)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Not enough disk space for the upload")
			.jsonPath("$.needed")
			.isEqualTo(TestCsv.rides(1).length() + RESERVE)
			.jsonPath("$.free")
			.value(Long.class, (free) -> assertThat(free).isPositive().isLessThan(RESERVE))
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(UPLOADS.toString())
				.contains("ridestream.replay.upload-dir")
				.contains("ridestream.replay.min-free-disk"));
	}

	@Test
	void replaysTheDefaultFileWhateverTheFreeSpace() {
		ReplayJobView job = this.replays.awaitFinished(this.replays.start("limit=1").id());

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
	}

}
