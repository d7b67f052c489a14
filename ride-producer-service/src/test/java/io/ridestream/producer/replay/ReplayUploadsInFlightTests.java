package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uploads being received are bounded in number and in bytes, so that slow or stalled uploads cannot fill the disk
 * or hold every request thread: the next is refused with 429 before its body is read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ridestream.replay.max-uploads-in-flight=2", "ridestream.replay.max-upload-bytes-in-flight=2KB",
				"ridestream.replay.max-concurrent-jobs=10" })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayUploadsInFlightTests {

	@LocalServerPort
	private int port;

	private final List<Socket> stalled = new ArrayList<>();

	@Autowired
	private UploadsInFlight uploadsInFlight;

	@AfterEach
	void closeStalledUploads() throws IOException {
		for (Socket socket : this.stalled) {
			socket.close();
		}
		// The server gives their places back once it notices: the next test starts with none taken.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.uploadsInFlight.receiving() == 0);
	}

	@Test
	void refusesAnUploadWhileTheMostAllowedAreBeingReceived() throws IOException {
		stallUpload(100);
		stallUpload(100);

		String response = await().atMost(Duration.ofSeconds(10)).until(() -> upload(100), (answer) -> !answer.startsWith("HTTP/1.1 202"));

		assertThat(response).startsWith("HTTP/1.1 429 ").contains("2 uploads are being received");
	}

	@Test
	void refusesAnUploadPastTheBytesInFlight() throws IOException {
		stallUpload(1500);

		String response = await().atMost(Duration.ofSeconds(10)).until(() -> upload(1000), (answer) -> !answer.startsWith("HTTP/1.1 202"));

		assertThat(response).startsWith("HTTP/1.1 429 ").contains("2048 bytes");
	}

	/** Starts an upload of this declared length and sends only part of its body. */
	private void stallUpload(int length) throws IOException {
		Socket socket = new Socket("localhost", this.port);
		this.stalled.add(socket);
		OutputStream out = socket.getOutputStream();
		out.write(headers(length).getBytes(StandardCharsets.UTF_8));
		out.write(TestCsv.HEADER.substring(0, 10).getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** Uploads a CSV of about this length and returns the response's status line and body. */
	private String upload(int length) throws IOException {
		String csv = TestCsv.rides(1);
		csv = csv + " ".repeat(Math.max(0, length - csv.length()));
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
			OutputStream out = socket.getOutputStream();
			out.write((headers(csv.length()) + csv).getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder response = new StringBuilder();
			byte[] buffer = new byte[4096];
			int read;
			while (!response.toString().endsWith("\r\n0\r\n\r\n") && !response.toString().endsWith("}")
					&& (read = in.read(buffer)) != -1) {
				response.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			}
			return response.toString();
		}
	}

	private static String headers(int length) {
		return "POST /rides/replay HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: " + length
				+ "\r\nConnection: close\r\n\r\n";
	}

}
