package io.ridestream.producer.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ridestream.read.MalformedCsv;
import io.ridestream.read.MalformedCsv.Expected;
import io.ridestream.read.MalformedCsv.Sample;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads of generated malformed CSVs (cut lines, wrong types, stray quotes, blank lines, huge fields, invalid
 * UTF-8, any line endings): never a server error, and every row of every file is accounted for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayMalformedCsvPropertiesTests {

	private static final int SEEDS = 25;

	@Autowired
	private RestTestClient client;

	private ReplayApi replays;

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void accountsForEveryRowOfAnyMalformedUploadWithoutAServerError() throws IOException {
		MalformedCsv generator = MalformedCsv
			.from(Files.readString(Path.of("src/main/resources/data/rides.csv")));

		for (long seed = 1; seed <= SEEDS; seed++) {
			Sample sample = generator.generate(seed, 200, 0.3);

			ReplayJobView job = this.replays.uploadAndWait("", sample.bytes());

			assertThat(job.state()).as(sample.toString()).isEqualTo(ReplayState.COMPLETED);
			assertThat(job.rowsRead()).as(sample.toString()).isEqualTo(sample.rowLines().size());
			assertThat(job.rowsRead()).as(sample.toString())
				.isEqualTo(job.published() + job.rejected() + job.failed());
			assertThat(job.failed()).as(sample.toString()).isZero();
			assertThat(job.published()).as(sample.toString())
				.isBetween(sample.count(Expected.PARSED), sample.count(Expected.PARSED) + sample.count(Expected.EITHER));
		}
	}

	@Test
	void failsAnUploadWithABrokenHeaderAsAJobNotAsAServerError() {
		for (long seed = 1; seed <= SEEDS; seed++) {
			byte[] csv = MalformedCsv.from(TestCsv.csv(TestCsv.ride("2020-07-01 00:00:00"))).brokenHeader(seed);

			ReplayJobView job = this.replays.uploadAndWait("", csv);

			assertThat(job.state()).as("seed " + seed).isEqualTo(ReplayState.FAILED);
			assertThat(job.error()).as("seed " + seed).startsWith("The CSV");
			assertThat(job.rowsRead()).as("seed " + seed).isZero();
		}
	}

}
