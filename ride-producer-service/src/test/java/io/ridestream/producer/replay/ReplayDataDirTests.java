package io.ridestream.producer.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ridestream.model.Dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Files of the data directory ({@code ridestream.replay.data-dir}): {@code GET /rides/files} lists them, and
 * {@code POST /rides/replay?file=<name>} replays one by a name from that list, and nothing else.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ridestream.topic.name=data-dir-rides", "ridestream.replay.max-concurrent-jobs=10" })
@AutoConfigureRestTestClient
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayDataDirTests {

	private static final TestDataDirectory DATA = TestDataDirectory.create();

	private static final Path UPLOADS = UploadDirectory.create();

	@Autowired
	private RestTestClient client;

	@Autowired
	private ReplayJobs jobs;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("ridestream.replay.data-dir", DATA.directory::toString);
		registry.add("ridestream.replay.upload-dir", UPLOADS::toString);
	}

	private ReplayApi replays;

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void listsTheFilesByNameWithTheirSizeFormatToldFromTheirFirstBytesAndDatasetToldFromTheirColumns() throws Exception {
		assertThat(files()).extracting(ReplayFile::name, ReplayFile::size, ReplayFile::format, ReplayFile::dataset)
			.containsExactly(
					tuple("green_tripdata_2019-10.parquet",
							Files.size(DATA.directory.resolve("green_tripdata_2019-10.parquet")), "parquet", Dataset.GREEN),
					tuple("inside-link.csv", (long) TestDataDirectory.RIDES_CSV.length(),
							"csv", Dataset.YELLOW),
					tuple("rides.csv", (long) TestDataDirectory.RIDES_CSV.length(),
							"csv", Dataset.YELLOW),
					tuple("rides.csv.gz", Files.size(DATA.directory.resolve("rides.csv.gz")),
							"csv.gz", Dataset.YELLOW),
					tuple("trips.parquet", Files.size(DATA.directory.resolve("trips.parquet")),
							"parquet", null));
	}

	@Test
	void answersEachFileAsItsNameSizeFormatAndDataset() {
		this.client.get()
			.uri("/rides/files")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$[3].format")
			.isEqualTo("csv.gz")
			.jsonPath("$[3].dataset")
			.isEqualTo("yellow")
			.jsonPath("$[3]")
			.value(Map.class, (file) -> assertThat(file).containsOnlyKeys("name", "size", "format", "dataset"));
	}

	@Test
	void leavesOutSubdirectoriesAndTheirFiles() {
		assertThat(names()).doesNotContain("nested", "nested.csv");
	}

	@Test
	void leavesOutHiddenFiles() {
		assertThat(names()).doesNotContain(".hidden.csv");
	}

	@Test
	void leavesOutLinksLeadingOutOfTheDirectory() {
		assertThat(names()).doesNotContain("outside-link.csv", "outside-dir");
	}

	@Test
	void listsALinkToAFileOfTheDirectory() {
		assertThat(names()).contains("inside-link.csv");
	}

	@Test
	void replaysAFileByNameWhereItIs() {
		ReplayJobView job = replayFile("rides.csv", "");

		assertThat(job.source()).isEqualTo("file rides.csv");
		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(3);
		assertThat(RideRecords.published(this.broker, "data-dir-rides", job)).hasSize(3);
		assertThat(DATA.directory.resolve("rides.csv")).as("left where it is").hasContent(TestDataDirectory.RIDES_CSV);
		assertThat(UploadDirectory.spooled(UPLOADS)).as("not copied").isEmpty();
	}

	@Test
	void replaysAGzipFileByName() {
		ReplayJobView job = replayFile("rides.csv.gz", "");

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(TestDataDirectory.GZIP_RIDES);
	}

	@Test
	void replaysAFileWithTheReplayParameters() {
		ReplayJobView job = replayFile("rides.csv", "&limit=2&key=VendorID");

		assertThat(job.published()).isEqualTo(2);
		assertThat(job.options().key()).isEqualTo(ReplayKey.VENDOR);
	}

	@Test
	void replaysAParquetFileByName() {
		ReplayJobView job = replayFile("green_tripdata_2019-10.parquet", "");

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(TestDataDirectory.GREEN_RIDES);
		assertThat(RideRecords.published(this.broker, "data-dir-rides", job)).extracting((record) -> record.value().dataset())
			.containsOnly(Dataset.GREEN);
	}

	@Test
	void failsTheReplayOfABrokenParquetFileSayingItIsNotReadableParquet() {
		ReplayJobView job = replayFile("trips.parquet", "");

		assertThat(job.state()).isEqualTo(ReplayState.FAILED);
		assertThat(job.error()).startsWith("The file is not a readable Parquet file");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../outside/secret.csv", "nested/nested.csv", "/etc/passwd", "nested\\nested.csv", "..",
			".", "", "rides.csv\u0000.txt" })
	void refusesANameThatIsAPath(String name) {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();

		this.client.post()
			.uri("/rides/replay?file={name}", name)
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("file")
			.jsonPath("$.detail")
			.isEqualTo("file must be the name of a file that GET /rides/files lists, not a path");
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
	}

	@ParameterizedTest
	@ValueSource(strings = { "nope.csv", "nested", ".hidden.csv", "outside-link.csv", "outside-dir" })
	void answers404ForANameTheListDoesNotHave(String name) {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();

		this.client.post()
			.uri("/rides/replay?file={name}", name)
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Replay file not found")
			.jsonPath("$.detail")
			.isEqualTo("No file named '" + name + "' can be replayed from the data directory; GET /rides/files"
					+ " lists those that can");
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
	}

	@Test
	void refusesALinkLeadingOutOfTheDirectoryWithoutSayingWhereItLeads() {
		String answer = this.client.post()
			.uri("/rides/replay?file=outside-link.csv")
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(answer).doesNotContain(DATA.outside.toString()).doesNotContain("secret");
	}

	@Test
	void refusesAFileNamedWithABody() {
		this.client.post()
			.uri("/rides/replay?file=rides.csv")
			.contentType(ReplaySources.TEXT_CSV)
			.body(TestCsv.rides(1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("file");
	}

	@Test
	void refusesAFileReplayAPageOnAnotherSiteCouldSend() {
		List<ReplayJob> jobsBefore = this.jobs.newestFirst();

		this.client.post()
			.uri("/rides/replay?file=rides.csv")
			.contentType(MediaType.TEXT_PLAIN)
			.body("")
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(this.jobs.newestFirst()).hasSameSizeAs(jobsBefore);
	}

	private ReplayJobView replayFile(String name, String parameters) {
		return this.client.post()
			.uri("/rides/replay?wait=true&file=" + name + parameters)
			.header(ReplayController.REQUESTED_BY_HEADER, "test")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ReplayJobView.class)
			.returnResult()
			.getResponseBody();
	}

	private List<ReplayFile> files() {
		return this.client.get()
			.uri("/rides/files")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<ReplayFile>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private List<String> names() {
		return files().stream().map(ReplayFile::name).toList();
	}

}
