package io.ridestream.producer.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLC's and the course's gzip CSV files (`yellow_tripdata_2019-01.csv.gz`) replay as they are, whatever
 * content type they are sent with: the format is told from the bytes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayCompressedUploadTests {

	private static final int BUNDLED_RIDES = 266;

	@Autowired
	private RestTestClient client;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Test
	void replaysAGzipCsvSentAsApplicationGzip() throws IOException {
		ReplayJobView job = replay(MediaType.parseMediaType("application/gzip"), null, gzip(bundledCsv()));

		assertEveryBundledRidePublished(job);
	}

	@Test
	void replaysAGzipCsvSentAsOctetStream() throws IOException {
		ReplayJobView job = replay(MediaType.APPLICATION_OCTET_STREAM, null, gzip(bundledCsv()));

		assertEveryBundledRidePublished(job);
	}

	@Test
	void replaysACsvSentWithContentEncodingGzip() throws IOException {
		ReplayJobView job = replay(ReplaySources.TEXT_CSV, "gzip", gzip(bundledCsv()));

		assertEveryBundledRidePublished(job);
	}

	@Test
	void replaysAPlainCsvSentAsOctetStream() throws IOException {
		ReplayJobView job = replay(MediaType.APPLICATION_OCTET_STREAM, null, bundledCsv());

		assertEveryBundledRidePublished(job);
	}

	@Test
	void publishesTheRowsOfACutGzipFileBeforeTheDamageAndSaysWhy() throws IOException {
		byte[] gzip = gzip(bundledCsv());
		byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);

		ReplayJobView job = replay(MediaType.parseMediaType("application/gzip"), null, cut);

		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error()).startsWith("Reading upload (" + cut.length + " bytes) failed: ");
		assertThat(job.published()).isPositive().isLessThan(BUNDLED_RIDES);
		assertThat(job.failed()).isZero();
		assertThat(RideRecords.published(this.broker, "rides", job)).hasSize((int) job.published());
		assertThat(job.rowsRead()).isEqualTo(job.published() + job.rejected() + job.failed() + job.unknown());
	}

	@Test
	void saysABrokenParquetFileIsNotReadableParquetInsteadOfBlamingACsvHeader() {
		byte[] parquet = "PAR1\u0015\u0000\u0015garbage-of-a-parquet-file".getBytes(StandardCharsets.ISO_8859_1);

		ReplayJobView job = replay(MediaType.APPLICATION_OCTET_STREAM, null, parquet);

		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error()).contains("Parquet").doesNotContain("header");
		assertThat(job.rowsRead()).isZero();
	}

	@Test
	void refusesAnotherContentTypeNamingTheAcceptedOnes() {
		this.client.post()
			.uri("/rides/replay")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"rides\":[]}")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.valueEquals("Accept", "text/csv, application/gzip, application/x-gzip, application/vnd.apache.parquet, application/octet-stream");
	}

	private ReplayJobView replay(MediaType contentType, String contentEncoding, byte[] body) {
		RestTestClient.RequestBodySpec request = this.client.post()
			.uri("/rides/replay?wait=true")
			.contentType(contentType);
		if (contentEncoding != null) {
			request = request.header(HttpHeaders.CONTENT_ENCODING, contentEncoding);
		}
		return request.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();
	}

	private void assertEveryBundledRidePublished(ReplayJobView job) {
		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.rowsRead()).isEqualTo(BUNDLED_RIDES);
		assertThat(job.published()).isEqualTo(BUNDLED_RIDES);
		assertThat(RideRecords.published(this.broker, "rides", job)).hasSize(BUNDLED_RIDES);
	}

	private static byte[] bundledCsv() throws IOException {
		try (InputStream in = new ClassPathResource("data/rides.csv").getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
