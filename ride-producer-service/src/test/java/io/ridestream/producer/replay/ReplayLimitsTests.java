package io.ridestream.producer.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.ridestream.producer.replay.TestCsv.csv;
import static io.ridestream.producer.replay.TestCsv.ride;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits that protect the service: upload size, concurrent jobs and how long {@code wait=true} waits.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "ridestream.replay.max-upload-size=1KB",
		"ridestream.replay.max-concurrent-jobs=1", "ridestream.replay.wait-timeout=1s" })
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayLimitsTests {

	private static final String LARGE_CSV = csv(Collections.nCopies(20, ride("2020-07-01 00:00:00")).toArray(String[]::new));

	@Autowired
	private RestTestClient client;

	@Autowired
	private ReplayJobs jobs;

	@LocalServerPort
	private int port;

	private ReplayApi replays;

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@AfterEach
	void cancelRunningReplays() {
		this.jobs.running().forEach((job) -> {
			job.cancel();
			this.replays.awaitFinished(job.id());
		});
	}

	@Test
	void acceptsABodyWithinTheLimit() {
		ReplayJobView job = this.replays.uploadAndWait("", csv(ride("2020-07-01 00:00:00")));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(1);
	}

	@Test
	void refusesABodyDeclaredLargerThanTheLimitWithoutReadingIt() throws IOException {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();
		// Only the headers are sent: answering at all shows the body is not awaited.
		String response = exchangeRaw("""
				POST /rides/replay HTTP/1.1\r
				Host: localhost\r
				Content-Type: text/csv\r
				Content-Length: 5000000\r
				\r
				""", false);

		assertThat(response).startsWith("HTTP/1.1 413 ")
			.contains("Content-Type: application/problem+json")
			.contains("The CSV body is 5000000 bytes; at most 1024 bytes are allowed");
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
	}

	@Test
	void refusesAChunkedBodyOnceItPassesTheLimit() throws Exception {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();
		assertThat(LARGE_CSV).hasSizeGreaterThan(1024);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/rides/replay"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofInputStream(
					() -> new ByteArrayInputStream(LARGE_CSV.getBytes(StandardCharsets.UTF_8))))
			.build();

		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("The CSV body is larger than the 1024 bytes allowed");
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
	}

	@Test
	void refusesABodyCutOffBeforeItsDeclaredLength(CapturedOutput output) throws IOException {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();
		String response = exchangeRaw("""
				POST /rides/replay HTTP/1.1\r
				Host: localhost\r
				Content-Type: text/csv\r
				Content-Length: 1000\r
				\r
				""" + TestCsv.HEADER, true);

		assertThat(response).startsWith("HTTP/1.1 400 ");
		assertThat(output).contains("Replay not started: The CSV body was cut off after " + TestCsv.HEADER.length() + " bytes");
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
	}

	@Test
	void refusesAReplayWhileTheMostAllowedAreRunning() {
		ReplayJobView running = this.replays.start("rate=0.5");

		this.client.post()
			.uri("/rides/replay")
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).startsWith("1 replays are running"));
		assertThat(this.replays.get(running.id()).state()).isEqualTo(ReplayState.RUNNING);
	}

	@Test
	void answersWithTheRunningJobWhenItOutlastsTheWait() {
		this.client.post()
			.uri("/rides/replay?wait=true&rate=1")
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueMatches("Location", "/rides/replay/[0-9a-f-]{36}")
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("RUNNING");
	}

	/**
	 * Sends raw HTTP, optionally ending the sending side, and returns the response up to the end of its body.
	 * Tomcat answers errors with a chunked body and closes the connection only after giving up on the request
	 * body, so the response ends with the last chunk, not with the connection.
	 */
	private String exchangeRaw(String request, boolean endInput) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			if (endInput) {
				socket.shutdownOutput();
			}
			InputStream in = socket.getInputStream();
			StringBuilder response = new StringBuilder();
			int read;
			while (!response.toString().endsWith("\r\n0\r\n\r\n") && (read = in.read()) != -1) {
				response.append((char) read);
			}
			return response.toString();
		}
	}

}
