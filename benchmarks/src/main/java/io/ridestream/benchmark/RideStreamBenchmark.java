package io.ridestream.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.ridestream.benchmark.PerfToolOutput.ConsumerSummary;
import io.ridestream.benchmark.PerfToolOutput.ProducerSummary;
import io.ridestream.benchmark.streams.PeerResult;
import io.ridestream.generator.GenerationResult;
import io.ridestream.generator.GeneratorSettings;
import io.ridestream.generator.RideGenerator;
import io.ridestream.localkafka.LocalKafkaBroker;
import io.ridestream.localkafka.LocalKafkaCluster;
import io.ridestream.read.RideRow;
import io.ridestream.read.RideCsvReader;
import io.ridestream.serde.RideSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.AppInfoParser;
import tools.jackson.databind.JsonNode;

/**
 * Compares the Ride Stream services with Kafka's own performance tools on one local broker: ProducerPerformance
 * against {@code POST /rides/replay}, ConsumerPerformance against ride-consumer-service, with the same rides and
 * the same producer settings, and a Kafka Streams application computing the consumer's statistics (the peer,
 * its totals checked against the service's) against both. Every run starts a fresh broker and fresh services, so
 * each run also measures the services' start-up; at its end, each service is started once more by itself from its
 * plain jar and once with class data sharing. Run it with {@code ./benchmark.sh} at the project root.
 */
public final class RideStreamBenchmark {

	/** The service's topic, as ride-producer-service creates it. */
	private static final String RIDES_TOPIC = "rides";

	private static final int PARTITIONS = 6;

	/** The service commits a transaction per this many rides (ridestream.replay.transaction-size). */
	static final int SERVICE_TRANSACTION_SIZE = 10_000;

	/** ProducerPerformance picks its payloads at random among this many real rides. */
	private static final int PAYLOAD_RIDES = 10_000;

	/** ride-producer-service's producer settings (its application.yaml) that matter for throughput. */
	private static final List<String> SERVICE_PRODUCER_SETTINGS = List.of("acks=all", "enable.idempotence=true",
			"compression.type=lz4", "batch.size=65536", "linger.ms=5");

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	/** How long the end-to-end latency's steady replay lasts. */
	private static final int LATENCY_SECONDS = 30;

	private static final String PRODUCER_SERVICE = "ride-producer-service";

	private static final String CONSUMER_SERVICE = "ride-consumer-service";

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT);

	private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
			Locale.ROOT);

	private final BenchmarkOptions options;

	private final Duration toolTimeout;

	private Path logs;

	/** Each service's start with class data sharing; a service without is missing (its archive was not made). */
	private Map<String, ServiceLaunch> withCds = Map.of();

	private RideStreamBenchmark(BenchmarkOptions options) {
		this.options = options;
		// Generous: even 10,000 rides/s gets through the rides with time to spare.
		this.toolTimeout = Duration.ofMinutes(5).plusMillis(options.rides() / 10);
	}

	public static void main(String[] args) {
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(BenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		try {
			new RideStreamBenchmark(options).run();
		}
		catch (RuntimeException | IOException ex) {
			System.err.println("Benchmark failed: " + ex.getMessage());
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	private void run() throws IOException {
		ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
		Files.createDirectories(this.options.outputDir());
		this.logs = Files.createDirectories(this.options.outputDir().resolve("benchmark-logs-" + FILE_DATE.format(started)));
		// The broker runs in this JVM: its log goes to a file (slf4j-simple reads this when first used).
		System.setProperty("org.slf4j.simpleLogger.logFile", this.logs.resolve("kafka.log").toString());
		System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
		Path work = Files.createTempDirectory("ridestream-benchmark-");
		// The generated CSV and Kafka's data take a few hundred MB: gone on Ctrl-C too.
		Thread cleanUp = new Thread(() -> deleteRecursively(work), "delete-work-dir");
		Runtime.getRuntime().addShutdownHook(cleanUp);
		try {
			Path csv = work.resolve("rides.csv");
			say("Generating %,d rides into %s...", this.options.rides(), csv);
			GenerationResult generated = new RideGenerator(GeneratorSettings.of(this.options.rides())).write(csv);
			say("  %,d rides, %,.1f MB", generated.rows(), generated.bytes() / 1e6);
			Path payloads = work.resolve("ride-payloads.json");
			double meanRideBytes = writePayloads(csv, payloads);
			say("  mean serialized ride: %.1f bytes", meanRideBytes);
			this.withCds = prepareClassDataSharing(work.resolve("cds"));

			List<RunResult> results = new ArrayList<>();
			for (int run = 1; run <= this.options.repeats(); run++) {
				results.add(runOnce(run, csv, payloads, work.resolve("kafka-" + run)));
			}
			List<String> withoutCds = Stream.of(PRODUCER_SERVICE, CONSUMER_SERVICE)
				.filter((service) -> !this.withCds.containsKey(service))
				.toList();
			BenchmarkSetup setup = new BenchmarkSetup(SHOWN_DATE.format(started), Machine.describe(),
					AppInfoParser.getVersion(), this.options.rides(), this.options.repeats(), this.options.brokers(), meanRideBytes,
					(int) Math.min(PAYLOAD_RIDES, this.options.rides()), withoutCds);
			String report = Report.markdown(setup, results);
			Path file = this.options.outputDir().resolve("benchmark-" + FILE_DATE.format(started) + ".md");
			Files.writeString(file, report, StandardCharsets.UTF_8);
			System.out.println();
			System.out.println(report);
			say("Written to %s (logs in %s)", file, this.logs);
		}
		finally {
			deleteRecursively(work);
			Runtime.getRuntime().removeShutdownHook(cleanUp);
		}
	}

	private RunResult runOnce(int run, Path csv, Path payloads, Path kafkaData) throws IOException {
		say("%nRun %d of %d: starting %s...", run, this.options.repeats(),
				(this.options.brokers() == 1) ? "a fresh Kafka broker" : "a fresh cluster of " + this.options.brokers() + " Kafka brokers");
		try (Kafka kafka = Kafka.start(this.options.brokers(), kafkaData)) {
			String bootstrap = kafka.bootstrapServers();
			createTopics(bootstrap, "perf-rides", "perf-rides-tx");

			ProducerSummary plain = producerPerformance(run, bootstrap, "perf-rides", payloads, null);
			say("  ProducerPerformance: %s records/s", Report.rate(plain.recordsPerSecond()));
			// Transactions of about the service's size: ProducerPerformance can only commit by elapsed time.
			long transactionMillis = Math.max(1,
					Math.round(SERVICE_TRANSACTION_SIZE * 1000 / plain.recordsPerSecond()));
			ProducerSummary transactional = producerPerformance(run, bootstrap, "perf-rides-tx", payloads,
					transactionMillis);
			say("  ProducerPerformance with a transaction every %d ms: %s records/s", transactionMillis,
					Report.rate(transactional.recordsPerSecond()));

			ServiceFootprint producer;
			ReplayRates replay;
			try (ServiceProcess service = ServiceProcess.start(PRODUCER_SERVICE,
					ServiceLaunch.plainJar(this.options.producerJar()),
					Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap, "RIDESTREAM_REPLAY_MAX_UPLOAD_SIZE",
							(Files.size(csv) + 1024 * 1024) + "B"),
					this.logs.resolve(PRODUCER_SERVICE + "-" + run + ".log"))) {
				double ready = service.awaitReady(READY_TIMEOUT);
				say("  ride-producer-service ready in %.2f s", ready);
				replay = replay(service, csv);
				say("  POST /rides/replay: %s rides/s (%s rides/s over the job's own time)", Report.rate(replay.fromRequest()),
						Report.rate(replay.jobOnly()));
				producer = service.footprint();
			}

			ConsumerSummary consumed = consumerPerformance(run, bootstrap);
			say("  ConsumerPerformance: %s records/s (fetch), %s records/s (with joining the group)",
					Report.rate(consumed.fetchRecordsPerSecond()), Report.rate(consumed.recordsPerSecond()));

			ServiceFootprint consumer;
			ServiceCount counted;
			try (ServiceProcess service = ServiceProcess.start(CONSUMER_SERVICE,
					ServiceLaunch.plainJar(this.options.consumerJar()), Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap),
					this.logs.resolve(CONSUMER_SERVICE + "-" + run + ".log"))) {
				counted = countRides(service);
				say("  ride-consumer-service ready in %.2f s, counted %s rides/s", service.footprint().secondsToReady(),
						Report.rate(counted.ridesPerSecond()));
				consumer = service.footprint();
			}

			PeerResult peer = streamsPeer(run, bootstrap);
			say("  Kafka Streams peer: %s rides/s (%,d rides in %.2f s, then closed in %.2f s)",
					Report.rate(peer.ridesPerSecond()), peer.rides(), peer.seconds(), peer.closeSeconds());
			say("    over those %.2f s: CPU of the stream thread %.2f s, of the producer thread %.2f s, of the whole JVM "
					+ "%.2f s; JIT compiling %.2f s (elapsed, summed over its threads), GC %.2f s; %.0f commits, %.0f ms "
					+ "each on average",
					peer.seconds(), peer.streamThreadCpuSeconds(), peer.producerThreadCpuSeconds(),
					peer.processCpuSeconds(), peer.compilationSeconds(), peer.gcSeconds(),
					peer.metrics().getOrDefault("stream-thread-metrics.commit-total", Double.NaN),
					peer.metrics().getOrDefault("stream-thread-metrics.commit-latency-avg", Double.NaN));
			List<String> differences = TotalsCheck.differences(counted.stats(), peer.totals());
			if (!differences.isEmpty()) {
				throw new IllegalStateException("The Kafka Streams peer's totals differ from ride-consumer-service's "
						+ "/stats in run " + run + " (see streams-peer-" + run + ".log):\n  "
						+ String.join("\n  ", differences));
			}
			say("  Kafka Streams peer's totals equal ride-consumer-service's (rides, passengers, amounts, "
					+ "distance, vendors, payment types)");

			EndToEndLatency.Result latency = endToEndLatency(run, bootstrap, csv);

			AloneStartup producerAlone = startAlone(run, PRODUCER_SERVICE, this.options.producerJar(), bootstrap);
			AloneStartup consumerAlone = startAlone(run, CONSUMER_SERVICE, this.options.consumerJar(), bootstrap);
			return new RunResult(run, plain.recordsPerSecond(), transactional.recordsPerSecond(), transactionMillis,
					replay.fromRequest(), replay.jobOnly(), consumed.fetchRecordsPerSecond(), counted.ridesPerSecond(),
					peer.ridesPerSecond(), latency, producer, consumer, producerAlone, consumerAlone);
		}
		finally {
			deleteRecursively(kafkaData);
		}
	}

	/**
	 * Both services started afresh against the topic the run filled, then {@link EndToEndLatency}: a replay of
	 * {@link #LATENCY_SECONDS} seconds of rides at {@link EndToEndLatency#RATE} a second (fewer if the run has fewer).
	 */
	private EndToEndLatency.Result endToEndLatency(int run, String bootstrap, Path csv) throws IOException {
		long rides = Math.min(this.options.rides(), (long) LATENCY_SECONDS * EndToEndLatency.RATE);
		try (ServiceProcess consumer = ServiceProcess.start(CONSUMER_SERVICE,
				ServiceLaunch.plainJar(this.options.consumerJar()), Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap),
				this.logs.resolve(CONSUMER_SERVICE + "-latency-" + run + ".log"));
				ServiceProcess producer = ServiceProcess.start(PRODUCER_SERVICE,
						ServiceLaunch.plainJar(this.options.producerJar()),
						Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap, "RIDESTREAM_REPLAY_MAX_UPLOAD_SIZE",
								(Files.size(csv) + 1024 * 1024) + "B"),
						this.logs.resolve(PRODUCER_SERVICE + "-latency-" + run + ".log"))) {
			consumer.awaitReady(READY_TIMEOUT);
			producer.awaitReady(READY_TIMEOUT);
			EndToEndLatency.Result latency = EndToEndLatency.measure(producer, consumer, bootstrap, RIDES_TOPIC, csv,
					rides, this.options.rides(), this.toolTimeout);
			say("  End-to-end latency, %,d rides replayed at %,d rides/s: p50 %.0f ms, p99 %.0f ms, max %.0f ms",
					latency.rides(), EndToEndLatency.RATE, latency.p50Millis(), latency.p99Millis(),
					latency.maxMillis());
			return latency;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Extracts both services' jars and records their archives, both at once, before any run (untimed).
	 * @return the start with class data sharing of each service whose archive was made
	 */
	private Map<String, ServiceLaunch> prepareClassDataSharing(Path dir) {
		say("Recording the class data sharing archives of the services (as ./run-local.sh does)...");
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Map<String, Future<ServiceLaunch>> preparing = new LinkedHashMap<>();
			preparing.put(PRODUCER_SERVICE, executor.submit(() -> ClassDataSharing.prepare(PRODUCER_SERVICE,
					this.options.producerJar(), dir.resolve(PRODUCER_SERVICE), this.logs)));
			preparing.put(CONSUMER_SERVICE, executor.submit(() -> ClassDataSharing.prepare(CONSUMER_SERVICE,
					this.options.consumerJar(), dir.resolve(CONSUMER_SERVICE), this.logs)));
			Map<String, ServiceLaunch> prepared = new LinkedHashMap<>();
			preparing.forEach((service, launch) -> {
				try {
					prepared.put(service, launch.get());
				}
				catch (ExecutionException ex) {
					say("  No class data sharing archive for %s, its CDS figures stay empty: %s", service,
							ex.getCause().getMessage());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted", ex);
				}
			});
			return prepared;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Starts the service by itself against the run's broker, from its plain jar, then with class data sharing
	 * (if it has an archive), each time until ready, then stops it.
	 */
	private AloneStartup startAlone(int run, String service, Path execJar, String bootstrap) {
		double plainJar = secondsToReady(service, ServiceLaunch.plainJar(execJar), bootstrap,
				this.logs.resolve(service + "-alone-" + run + ".log"));
		double cds = Double.NaN;
		ServiceLaunch withCds = this.withCds.get(service);
		if (withCds != null) {
			try {
				cds = secondsToReady(service, withCds, bootstrap,
						this.logs.resolve(service + "-alone-cds-" + run + ".log"));
			}
			catch (IllegalStateException ex) {
				say("  %s did not start with class data sharing: %s", service, ex.getMessage());
			}
		}
		say("  %s alone: ready in %s s from the plain jar, %s s with class data sharing", service,
				Report.seconds(plainJar), Report.seconds(cds));
		return new AloneStartup(plainJar, cds);
	}

	private static double secondsToReady(String service, ServiceLaunch launch, String bootstrap, Path log) {
		try (ServiceProcess process = ServiceProcess.start(service, launch,
				Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap), log)) {
			return process.awaitReady(READY_TIMEOUT);
		}
	}

	private ProducerSummary producerPerformance(int run, String bootstrap, String topic, Path payloads,
			Long transactionMillis) {
		List<String> arguments = new ArrayList<>(List.of("--topic", topic, "--num-records",
				Long.toString(this.options.rides()), "--throughput", "-1", "--payload-file", payloads.toString()));
		if (transactionMillis != null) {
			arguments.addAll(List.of("--transaction-duration-ms", Long.toString(transactionMillis)));
		}
		arguments.add("--producer-props");
		arguments.addAll(SERVICE_PRODUCER_SETTINGS);
		arguments.add("bootstrap.servers=" + bootstrap);
		String log = "producer-performance-" + ((transactionMillis != null) ? "tx-" : "") + run + ".log";
		return PerfToolOutput.producerSummary(
				KafkaTool.run(KafkaTool.PRODUCER_PERFORMANCE, arguments, this.logs.resolve(log), this.toolTimeout));
	}

	private ConsumerSummary consumerPerformance(int run, String bootstrap) throws IOException {
		// Like the service: only committed rides.
		Path config = this.logs.resolve("consumer-performance.properties");
		Files.writeString(config, "isolation.level=read_committed\n", StandardCharsets.UTF_8);
		List<String> arguments = List.of("--bootstrap-server", bootstrap, "--topic", RIDES_TOPIC, "--messages",
				Long.toString(this.options.rides()), "--group", "perf-consumer-" + run, "--consumer.config",
				config.toString(), "--timeout", "60000", "--hide-header");
		return PerfToolOutput.consumerSummary(KafkaTool.run(KafkaTool.CONSUMER_PERFORMANCE, arguments,
				this.logs.resolve("consumer-performance-" + run + ".log"), this.toolTimeout));
	}

	/**
	 * Runs the Kafka Streams peer in its own JVM on the full {@code rides} topic, with a fresh application id and
	 * an empty state directory under the output directory.
	 */
	private PeerResult streamsPeer(int run, String bootstrap) {
		Path stateDir = this.options.outputDir().resolve("streams-peer-state");
		deleteRecursively(stateDir);
		// The peer gives up a little before the benchmark would, so that it says how far it got.
		List<String> arguments = List.of("--bootstrap-server", bootstrap, "--topic", RIDES_TOPIC, "--rides",
				Long.toString(this.options.rides()), "--application-id",
				"ride-stats-streams-peer-" + run + "-" + System.currentTimeMillis(), "--state-dir",
				stateDir.toAbsolutePath().toString(), "--timeout-seconds",
				Long.toString(this.toolTimeout.minusSeconds(30).toSeconds()));
		// STREAMS_PEER_JAVA_OPTIONS, e.g. to profile it: -XX:StartFlightRecording=filename=peer.jfr
		String javaOptions = System.getenv().getOrDefault("STREAMS_PEER_JAVA_OPTIONS", "").strip();
		return PeerResult.fromOutput(KafkaTool.run(KafkaTool.STREAMS_PEER,
				javaOptions.isEmpty() ? List.of() : List.of(javaOptions.split("\\s+")), arguments,
				this.logs.resolve("streams-peer-" + run + ".log"), this.toolTimeout));
	}

	/**
	 * Replays the CSV as the request body and polls the job every 20 ms.
	 */
	private ReplayRates replay(ServiceProcess service, Path csv) throws IOException {
		try {
			long started = System.nanoTime();
			HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri("/rides/replay"))
				.header("Content-Type", "text/csv")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofFile(csv)));
			if (response.statusCode() != 202) {
				throw new IllegalStateException(
						"POST /rides/replay answered " + response.statusCode() + ": " + response.body());
			}
			String id = ServiceProcess.readJson(response.body()).path("id").asString();
			long deadline = System.nanoTime() + this.toolTimeout.toNanos();
			while (true) {
				JsonNode job = service.getJson("/rides/replay/" + id);
				long now = System.nanoTime();
				if (job != null && !"RUNNING".equals(job.path("state").asString())) {
					if (!"COMPLETED".equals(job.path("state").asString())
							|| job.path("published").asLong() != this.options.rides()) {
						throw new IllegalStateException("The replay did not publish every ride: " + job);
					}
					double published = job.path("published").asLong();
					Duration jobTime = Duration.between(Instant.parse(job.path("startedAt").asString()),
							Instant.parse(job.path("finishedAt").asString()));
					return new ReplayRates(published / ((now - started) / 1e9), published / (jobTime.toNanos() / 1e9));
				}
				if (now > deadline) {
					throw new IllegalStateException("The replay did not finish within " + this.toolTimeout);
				}
				service.requireAlive();
				ServiceProcess.pause(20);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * @param fromRequest published rides over the time from sending the request to seeing the job COMPLETED
	 * @param jobOnly published rides over the job's time, from its startedAt to its finishedAt
	 */
	private record ReplayRates(double fromRequest, double jobOnly) {
	}

	/**
	 * Polls {@code /stats} every 20 ms from the start of the service (it may count rides before it is ready) until
	 * it counted every ride, and the readiness probe until the service is ready.
	 * @return rides counted after the first poll that saw some, over the time since that poll, and the last
	 * statistics seen
	 */
	private ServiceCount countRides(ServiceProcess service) {
		long deadline = System.nanoTime() + this.toolTimeout.toNanos() + READY_TIMEOUT.toNanos();
		long firstSeenNanos = 0;
		long firstCount = 0;
		while (true) {
			boolean ready = service.checkReady();
			JsonNode stats = service.getJson("/stats");
			long now = System.nanoTime();
			long total = (stats != null) ? stats.path("totalRides").asLong() : 0;
			if (total > 0 && firstSeenNanos == 0) {
				firstSeenNanos = now;
				firstCount = total;
			}
			if (total > this.options.rides()) {
				throw new IllegalStateException("ride-consumer-service counted " + total + " rides, more than the "
						+ this.options.rides() + " replayed");
			}
			if (total == this.options.rides() && ready) {
				if (total == firstCount) {
					say("  ride-consumer-service counted every ride before the first look; no rate measured");
					return new ServiceCount(Double.NaN, stats);
				}
				say("  ride-consumer-service: %,d rides counted at the first look, the rest in %.2f s", firstCount,
						(now - firstSeenNanos) / 1e9);
				return new ServiceCount((total - firstCount) / ((now - firstSeenNanos) / 1e9), stats);
			}
			if (now > deadline) {
				throw new IllegalStateException("ride-consumer-service counted " + total + " of "
						+ this.options.rides() + " rides" + (ready ? "" : " and was not ready") + " within the time");
			}
			ServiceProcess.pause(20);
		}
	}

	/**
	 * @param ridesPerSecond the consumer service's throughput, NaN if not measured
	 * @param stats its {@code /stats} JSON once it had counted every ride
	 */
	private record ServiceCount(double ridesPerSecond, JsonNode stats) {
	}

	/**
	 * Writes the first rides of the CSV, serialized as the service serializes them, one per line, for
	 * ProducerPerformance's {@code --payload-file}.
	 * @return their mean size in bytes
	 */
	private static double writePayloads(Path csv, Path payloads) throws IOException {
		long count = 0;
		long bytes = 0;
		try (RideCsvReader reader = RideCsvReader.open(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
				RideSerializer serializer = new RideSerializer();
				OutputStream out = new BufferedOutputStream(Files.newOutputStream(payloads))) {
			serializer.configure(Map.of(), false);
			RideRow row;
			while (count < PAYLOAD_RIDES && (row = reader.next()) != null) {
				if (row instanceof RideRow.Parsed parsed) {
					byte[] ride = serializer.serialize(RIDES_TOPIC, parsed.ride());
					out.write(ride);
					out.write('\n');
					bytes += ride.length;
					count++;
				}
			}
		}
		if (count == 0) {
			throw new IllegalStateException("No ride in " + csv);
		}
		return (double) bytes / count;
	}

	private static void createTopics(String bootstrap, String... names) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			// The broker's default replication: 1 on a single broker, min(3, brokers) on a cluster.
			admin.createTopics(Stream.of(names)
				.map((name) -> new NewTopic(name, Optional.of(PARTITIONS), Optional.empty()))
				.toList())
				.all()
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create the topics " + List.of(names), ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			System.err.println("Cannot delete " + dir + ": " + ex.getMessage());
		}
	}

	private static void say(String format, Object... arguments) {
		System.out.println(String.format(Locale.ROOT, format, arguments));
	}

	/** The run's Kafka: one broker, or a cluster of brokers with a controller apart. */
	private interface Kafka extends AutoCloseable {

		String bootstrapServers();

		@Override
		void close();

		static Kafka start(int brokers, Path dataDir) {
			if (brokers == 1) {
				LocalKafkaBroker broker = LocalKafkaBroker.builder().dataDir(dataDir).build().start();
				return new Kafka() {
					public String bootstrapServers() {
						return broker.bootstrapServers();
					}

					public void close() {
						broker.close();
					}
				};
			}
			LocalKafkaCluster cluster = LocalKafkaCluster.start(brokers);
			return new Kafka() {
				public String bootstrapServers() {
					return cluster.bootstrapServers();
				}

				public void close() {
					cluster.close();
				}
			};
		}

	}

}
