package io.ridestream.flinksql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Apache Flink SQL, a reader that knows nothing of our code, reads the rides topic our producer service wrote (its
 * default plain JSON values) and counts 10-minute tumbling windows of pickup time with a watermark an hour behind
 * the latest pickup: for the windows that both Flink and our consumer service hold final, it finds the same number
 * of rides and the same revenue (sum of {@code total_amount}, exactly) as {@code GET /stats/windows?type=tumbling}.
 *
 * <p>Each test runs a real single-node broker (the {@code local-kafka} launcher), the producer and the consumer from
 * their packaged jars, as processes of their own; Flink runs in this JVM on a local mini cluster, with the SQL of
 * {@code rides-windows.sql}, verbatim but for the brokers' address. The rides are the bundled {@code rides.csv} (266
 * rides, picked up from 2020-06-30 18:11 to 2020-07-01 01:57, in drop-off order as the TLC publishes them, 4 of them
 * late by our rules) and then a generated file of {@value #GENERATED_RIDES} rides picked up in the 12 hours after
 * it, which the test puts in drop-off order too: pickups come up to a trip's length out of order, and the rides of
 * trips longer than the grace hour come late. The producer keys rides by pickup zone.
 *
 * <p>Which windows are compared, and why. Both sides call a ride late by the same rule, an hour of grace after its
 * window's end, but measure the hour against different clocks. Our consumer does it per partition: a ride is late for
 * its window, and counted only in the window's {@code lateRides}, once the latest pickup its partition has seen is at
 * least the window's end plus the hour. Flink drops a ride whose window has fired, once the watermark is at least the
 * window's end; the watermark is the earliest, over the partitions, of (latest pickup read there - 1 hour), emitted on
 * every ride ({@code 'scan.watermark.emit.strategy' = 'on-event'}; emitted periodically it would lag behind and keep
 * late rides). So:
 * <ul>
 * <li>With one partition the two clocks are one: every window our consumer reports {@code closed} (its partition past
 * the window's end + grace: its figures final) must match exactly, rides and revenue, whether rides came late for it
 * (left out on both sides) or not.</li>
 * <li>With the 6 partitions the services create by default, Flink's watermark never stands after the consumer's mark
 * for a ride's own partition, so Flink keeps every ride the consumer keeps, and may keep some the consumer calls late,
 * depending on how far it has read the other partitions at that moment. Closed windows without late rides must match
 * exactly, rides and revenue; in those with late rides Flink counts at least the consumer's rides and at most those
 * plus the late ones (their revenue is not compared: the consumer does not sum the late rides' amounts).</li>
 * </ul>
 * The consumer's closed windows are those that Flink emits on its watermark while it still reads every partition:
 * both hold a window final once every partition's latest pickup is an hour past its end. The later windows, in the
 * last hour of pickups, the consumer does not hold final, and Flink emits them as its partitions run out and at the
 * end of its bounded input: they are not compared. Every window Flink emits in the closed range must be a closed
 * window of the consumer too. Each test also checks that the comparison covered windows of both files, and that
 * late rides did come.
 */
class FlinkSqlWindowsIT {

	private static final int GENERATED_RIDES = 10_000;

	/**
	 * About 12 hours of pickups, 70 windows: with rides.csv's 8 hours before them, within the consumer's 24 hours
	 * of retention, so that it still holds every window.
	 */
	private static final int GENERATED_RIDES_PER_MINUTE = 14;

	/** Just after the last pickup of rides.csv (2020-07-01 01:57:36), so the generated rides go on from there. */
	private static final LocalDateTime GENERATED_START = LocalDateTime.parse("2020-07-01T02:00:00");

	private static final String GENERATED_FILE = "generated-rides-by-dropoff.csv";

	private static final Duration GRACE = Duration.ofHours(1);

	@TempDir
	static Path directory;

	static Path dataDirectory;

	@BeforeAll
	static void generateRides() throws IOException {
		dataDirectory = Files.createDirectories(directory.resolve("data"));
		writeGeneratedRidesInDropoffOrder(dataDirectory.resolve(GENERATED_FILE));
	}

	@Test
	void flinkSqlCountsEveryClosedWindowOfOnePartitionExactlyAsTheConsumerLateRidesLeftOutAlike() {
		Comparison comparison = replayAndCompare(1);

		assertThat(comparison.differences()).isEmpty();
		assertThat(comparison.withinLateRides()).isEmpty();
		assertThat(comparison.exactly()).as("closed windows compared exactly")
			.anyMatch((start) -> start.isBefore(GENERATED_START))
			.anyMatch((start) -> start.isAfter(GENERATED_START));
		assertThat(comparison.exactlyWithLateRides()).as("closed windows with late rides compared exactly")
			.isNotEmpty();
	}

	@Test
	void flinkSqlCountsTheClosedWindowsOfSixPartitionsAsTheConsumerExactlyWhereNoRideCameLate() {
		Comparison comparison = replayAndCompare(6);

		assertThat(comparison.differences()).isEmpty();
		assertThat(comparison.exactly()).as("closed windows compared exactly")
			.hasSizeGreaterThan(comparison.withinLateRides().size())
			.anyMatch((start) -> start.isBefore(GENERATED_START))
			.anyMatch((start) -> start.isAfter(GENERATED_START));
		assertThat(comparison.withinLateRides()).as("closed windows with late rides").isNotEmpty();
	}

	/**
	 * Starts a broker and both services, the producer creating the rides topic with this many partitions, replays
	 * rides.csv and the generated file, runs the Flink SQL once the consumer has counted every ride, and compares.
	 */
	private static Comparison replayAndCompare(int partitions) {
		try (Pipeline pipeline = Pipeline.start(partitions, dataDirectory)) {
			long published = pipeline.replay("/rides/replay?wait=true")
					+ pipeline.replay("/rides/replay?wait=true&file=" + GENERATED_FILE);
			JsonNode view = pipeline.awaitEveryRideInTheConsumersWindows(published);
			Map<LocalDateTime, FlinkWindow> flink = runFlinkSql(pipeline.brokers());
			Comparison comparison = Comparison.of(view, flink, partitions == 1);
			System.out.printf("%d partition(s), %d rides published, %d late on the consumer, %d windows from Flink: "
					+ "%d closed windows compared exactly (%d of them with late rides), %d within their late rides%n",
					partitions, published, view.get("lateRides").asLong(), flink.size(), comparison.exactly().size(),
					comparison.exactlyWithLateRides().size(), comparison.withinLateRides().size());
			return comparison;
		}
	}

	/**
	 * How Flink's windows compare with the consumer's closed ones: the starts of those compared exactly (rides and
	 * revenue), of those among them with late rides, of those compared within their late rides, and the differences
	 * found.
	 */
	record Comparison(List<LocalDateTime> exactly, List<LocalDateTime> exactlyWithLateRides,
			List<LocalDateTime> withinLateRides, List<String> differences) {

		static Comparison of(JsonNode view, Map<LocalDateTime, FlinkWindow> flink, boolean lateRidesAlike) {
			Comparison comparison = new Comparison(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
					new ArrayList<>());
			Map<LocalDateTime, JsonNode> closed = new TreeMap<>();
			for (JsonNode window : view.get("windows")) {
				if (window.get("closed").asBoolean()) {
					closed.put(LocalDateTime.parse(window.get("start").asString()), window);
				}
			}
			closed.forEach((start, window) -> comparison.compare(start, window, flink.getOrDefault(start,
					FlinkWindow.NONE), lateRidesAlike));
			LocalDateTime closedUntil = LocalDateTime.parse(view.get("watermark").asString()).minus(GRACE);
			flink.forEach((start, counted) -> {
				if (!counted.end().isAfter(closedUntil) && !closed.containsKey(start)) {
					comparison.differences.add(start + ": Flink " + counted + ", no closed window on the consumer");
				}
			});
			return comparison;
		}

		private void compare(LocalDateTime start, JsonNode window, FlinkWindow counted, boolean lateRidesAlike) {
			long rides = window.get("rides").asLong();
			long late = window.get("lateRides").asLong();
			BigDecimal revenue = new BigDecimal(window.get("revenue").asString());
			if (late == 0 || lateRidesAlike) {
				this.exactly.add(start);
				if (late > 0) {
					this.exactlyWithLateRides.add(start);
				}
				if (counted.rides() != rides || counted.revenue().compareTo(revenue) != 0) {
					this.differences.add(start + ": consumer " + rides + " rides, " + revenue + " (" + late
							+ " late); Flink " + counted);
				}
			}
			else {
				this.withinLateRides.add(start);
				if (counted.rides() < rides || counted.rides() > rides + late) {
					this.differences.add(start + ": consumer " + rides + " rides and " + late + " late; Flink "
							+ counted);
				}
			}
		}

	}

	/**
	 * Generates rides (pickups in order, as the generator writes them) and writes them sorted by drop-off time, as
	 * the TLC's files are.
	 */
	private static void writeGeneratedRidesInDropoffOrder(Path file) throws IOException {
		Path generated = directory.resolve("generated.csv");
		JarProcess generator = JarProcess.start("ride-generator", "ride-generator", Map.of(),
				List.of("--rides", String.valueOf(GENERATED_RIDES), "--start", GENERATED_START.toString(),
						"--rides-per-minute", String.valueOf(GENERATED_RIDES_PER_MINUTE), "--output",
						generated.toString()));
		assertThat(generator.awaitExit(Duration.ofSeconds(60))).as(generator.output()).isZero();
		List<String> lines = Files.readAllLines(generated, StandardCharsets.US_ASCII);
		int dropoff = Arrays.asList(lines.get(0).split(",")).indexOf("tpep_dropoff_datetime");
		assertThat(dropoff).as("the drop-off column of " + lines.get(0)).isNotNegative();
		List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
		// Stable: rides dropped off in the same second keep their pickup order. The times sort as text.
		rows.sort(Comparator.comparing((String row) -> row.split(",", -1)[dropoff]));
		rows.add(0, lines.get(0));
		Files.write(file, rows, StandardCharsets.US_ASCII);
	}

	/** Runs rides-windows.sql's statements in order on a local mini cluster; the last one's rows by window start. */
	private static Map<LocalDateTime, FlinkWindow> runFlinkSql(String brokers) {
		Configuration configuration = new Configuration();
		configuration.set(CoreOptions.DEFAULT_PARALLELISM, 1);
		TableEnvironment tables = TableEnvironment
			.create(EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(configuration).build());
		List<String> statements = statements(sql().replace("${bootstrap.servers}", brokers));
		statements.subList(0, statements.size() - 1).forEach(tables::executeSql);
		Map<LocalDateTime, FlinkWindow> windows = new TreeMap<>();
		try (CloseableIterator<Row> rows = tables.executeSql(statements.get(statements.size() - 1)).collect()) {
			rows.forEachRemaining((row) -> {
				FlinkWindow window = new FlinkWindow(row.getFieldAs("window_end"), row.getFieldAs("rides"),
						row.getFieldAs("revenue"));
				assertThat(windows.put(row.getFieldAs("window_start"), window)).as("a window emitted twice").isNull();
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException("The Flink SQL job failed", ex);
		}
		return windows;
	}

	private static String sql() {
		try (InputStream in = FlinkSqlWindowsIT.class.getResourceAsStream("/rides-windows.sql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The statements of a script: without its comment lines, split at semicolons (none is in a literal). */
	private static List<String> statements(String script) {
		StringBuilder code = new StringBuilder();
		script.lines()
			.filter((line) -> !line.strip().startsWith("--"))
			.forEach((line) -> code.append(line).append('\n'));
		return Arrays.stream(code.toString().split(";")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/** A window as Flink emitted it. */
	record FlinkWindow(LocalDateTime end, long rides, BigDecimal revenue) {

		static final FlinkWindow NONE = new FlinkWindow(null, 0, BigDecimal.ZERO);

		@Override
		public String toString() {
			return (this == NONE) ? "no window" : this.rides + " rides, " + this.revenue.stripTrailingZeros();
		}

	}

	/**
	 * A single-node broker and both services on it, the producer first so that it creates the rides topic, with
	 * this many partitions, before the consumer subscribes; the producer replays files of the data directory by name.
	 */
	record Pipeline(JarProcess kafka, String brokers, Service producer, Service consumer) implements AutoCloseable {

		static Pipeline start(int partitions, Path dataDirectory) {
			int port = JarProcess.freePort();
			Map<String, String> noKafkaVariables = new HashMap<>();
			System.getenv().keySet().stream()
				.filter((variable) -> variable.startsWith("KAFKA_"))
				.forEach((variable) -> noKafkaVariables.put(variable, null));
			JarProcess kafka = JarProcess.start("local-kafka", "local-kafka-" + port, noKafkaVariables,
					List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--controller-port",
							String.valueOf(JarProcess.freePort()), "--data-dir",
							directory.resolve("kafka-" + port).toString()));
			kafka.awaitReady(() -> kafka.output().contains(" ready on "));
			String brokers = "127.0.0.1:" + port;
			Service producer = null;
			try {
				producer = Service.start("ride-producer-service", Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", brokers,
						"RIDESTREAM_TOPIC_PARTITIONS", String.valueOf(partitions), "RIDESTREAM_REPLAY_DATA_DIR",
						dataDirectory.toString()));
				Service consumer = Service.start("ride-consumer-service",
						Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", brokers));
				return new Pipeline(kafka, brokers, producer, consumer);
			}
			catch (RuntimeException | Error ex) {
				if (producer != null) {
					producer.close();
				}
				kafka.close();
				throw ex;
			}
		}

		/** Replays a file, waiting for the job to finish, and returns how many rides it published. */
		long replay(String path) {
			Http.Response response = Http.post(this.producer.url(path));
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode job = response.json();
			assertThat(job.get("state").asString()).as(response.body()).isEqualTo("COMPLETED");
			assertThat(job.get("rejected").asLong()).as(response.body()).isZero();
			return job.get("published").asLong();
		}

		/**
		 * Waits until every published ride is in the consumer's tumbling windows, in a window's figures or late, and
		 * returns those windows.
		 */
		JsonNode awaitEveryRideInTheConsumersWindows(long published) {
			return await("the consumer's windows counting " + published + " rides").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> Http.get(this.consumer.url("/stats/windows?type=tumbling&limit=1000")).json(), (view) -> {
					long counted = view.get("lateRides").asLong();
					for (JsonNode window : view.get("windows")) {
						counted += window.get("rides").asLong();
					}
					return counted == published;
				});
		}

		@Override
		public void close() {
			try {
				this.consumer.close();
				this.producer.close();
			}
			finally {
				this.kafka.close();
			}
		}

	}

	/** One of our services from its packaged jar, on a free port, ready once its readiness probe answers. */
	record Service(JarProcess process, int port) implements AutoCloseable {

		static Service start(String module, Map<String, String> environment) {
			int port = JarProcess.freePort();
			JarProcess process = JarProcess.start(module, module + "-" + port, environment,
					List.of("--server.port=" + port));
			Service service = new Service(process, port);
			process.awaitReady(() -> Http.status(service.url("/actuator/health/readiness")) == 200);
			return service;
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.port + path;
		}

		@Override
		public void close() {
			this.process.close();
		}

	}

}
