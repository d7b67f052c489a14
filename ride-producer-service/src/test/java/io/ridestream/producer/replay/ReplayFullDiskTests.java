package io.ridestream.producer.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk that fills up while an upload is spooled, on a real 2 MB file system (tmpfs, which only root may mount:
 * the tests are skipped, saying why, where it cannot be mounted). The upload's length is not declared, so it
 * passes the check made before spooling.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ridestream.topic.name=full-disk-rides", "ridestream.replay.min-free-disk=0B" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayFullDiskTests {

	private static final Path UPLOADS = UploadDirectory.create();

	@Autowired
	private ReplayJobs jobs;

	@Autowired
	private UploadsInFlight uploadsInFlight;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void mountSmallDisk() throws IOException, InterruptedException {
		String failure = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", UPLOADS.toString());
		Assumptions.assumeTrue(failure == null, () -> "Cannot mount a 2 MB tmpfs on " + UPLOADS
				+ " to fill it up (mounting needs root): " + failure);
	}

	@AfterAll
	static void unmountSmallDisk() throws IOException, InterruptedException {
		if (run("umount", UPLOADS.toString()) != null) {
			run("umount", "-l", UPLOADS.toString());
		}
	}

	@DynamicPropertySource
	static void uploadDirectory(DynamicPropertyRegistry registry) {
		registry.add("ridestream.replay.upload-dir", UPLOADS::toString);
	}

	@Test
	void refusesAnUploadThatFillsTheDiskWith507AndDeletesWhatWasSpooled() throws Exception {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();
		byte[] csv = (TestCsv.rides(1) + " ".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/rides/replay"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv)))
			.build();

		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(507);
		assertThat(response.body()).contains("Not enough disk space for the upload")
			.contains(UPLOADS + " (ridestream.replay.upload-dir) filled up");
		assertThat(UploadDirectory.spooled(UPLOADS)).isEmpty();
		assertThat(Files.getFileStore(UPLOADS).getUsableSpace()).as("space given back").isGreaterThan(1024 * 1024);
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
		assertThat(this.uploadsInFlight.receiving()).isZero();
	}

	/** Runs the command; null if it succeeded, else what it said. */
	private static String run(String... command) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return String.join(" ", command) + " did not finish";
		}
		return (process.exitValue() == 0) ? null : String.join(" ", command) + ": " + output;
	}

}
