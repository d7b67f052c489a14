package io.ridestream.producer.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

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
 * With the default limits, a whole month of rides uploads: a month of yellow taxis is about 700 MB of CSV.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ridestream.topic.name=whole-month-rides")
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayWholeMonthUploadTests {

	private static final Path UPLOADS = UploadDirectory.create();

	@Autowired
	private RestTestClient client;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void uploadDirectory(DynamicPropertyRegistry registry) {
		registry.add("ridestream.replay.upload-dir", UPLOADS::toString);
	}

	@Test
	void acceptsAndReplaysAnUploadLargerThan100MB() throws Exception {
		GeneratedCsv csv = GeneratedCsv.ofAtLeast(120_000_000);
		// Sent with its length, as curl --data-binary and browsers send a file; only the first rides are replayed,
		// as what is tested is that the whole body is taken.
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/rides/replay?limit=1000"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> csv),
					csv.length()))
			.build();

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String id = response.headers().firstValue("Location").orElseThrow().replace("/rides/replay/", "");
		ReplayJobView job = new ReplayApi(this.client).awaitFinished(id, Duration.ofSeconds(60));
		assertThat(job.source()).isEqualTo("upload (" + csv.length() + " bytes)");
		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(1000);
		assertThat(UploadDirectory.spooled(UPLOADS)).isEmpty();
	}

	@Test
	void stillRefusesABodyDeclaredLargerThanTheDefaultLimit() throws IOException {
		String response = RawHttp.exchange(this.port, RawHttp.uploadHeaders(2_000_000_000L), false);

		assertThat(response).startsWith("HTTP/1.1 413 ")
			.contains("The CSV body is 2000000000 bytes; at most 1073741824 bytes are allowed");
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
