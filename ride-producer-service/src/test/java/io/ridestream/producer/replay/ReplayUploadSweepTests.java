package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads spooled by an earlier run of the service that died before deleting them are deleted when it starts;
 * an upload another instance is receiving right now is left alone.
 */
@SpringBootTest
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayUploadSweepTests {

	private static final Path UPLOADS = tempDirectory();

	private static final Path LEFTOVER = UPLOADS.resolve("ridestream-upload-123.csv");

	private static final Path RECEIVING = UPLOADS.resolve("ridestream-upload-456.csv");

	private static final Path OTHER = UPLOADS.resolve("notes.csv");

	@DynamicPropertySource
	static void uploadDirectory(DynamicPropertyRegistry registry) throws IOException {
		Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
		for (Path file : new Path[] { LEFTOVER, OTHER }) {
			Files.writeString(file, TestCsv.rides(1));
			Files.setLastModifiedTime(file, FileTime.from(anHourAgo));
		}
		Files.writeString(RECEIVING, TestCsv.rides(1));
		registry.add("ridestream.replay.upload-dir", UPLOADS::toString);
	}

	@Test
	void deletesLeftoverUploadsAtStartUp() {
		assertThat(LEFTOVER).doesNotExist();
		assertThat(RECEIVING).exists();
		assertThat(OTHER).exists();
	}

	private static Path tempDirectory() {
		try {
			return Files.createTempDirectory("ridestream-uploads-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
