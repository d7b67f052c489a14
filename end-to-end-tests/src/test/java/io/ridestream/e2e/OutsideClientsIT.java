package io.ridestream.e2e;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;
import io.ridestream.read.RideCsvReader;
import io.ridestream.read.RideRow;
import io.ridestream.serde.RideDeserializer;
import io.ridestream.serde.RideSchema;
import io.ridestream.serde.avro.RideAvroSchema;
import io.ridestream.serde.registry.FakeSchemaRegistry;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Clients that share no code with Ride Stream read and write the rides topic. The bundled rides are replayed three
 * times into one topic, once in each format the producer writes (plain JSON, and JSON Schema and Avro in Confluent's
 * wire format against a schema registry), lz4-compressed in transactions as the services write them. Then:
 * <ul>
 * <li>the Node script {@code src/test/outside-readers/rides.mjs}, with KafkaJS, the kafkajs-lz4 codec and
 * {@code @kafkajs/confluent-schema-registry}, decodes every record into exactly the ride the CSV holds, and the
 * rides it writes in each format are counted by the consumer service, exactly;</li>
 * <li>kcat (librdkafka) shows every record with its key (the pickup location), the producer's headers (replay id,
 * CSV line), the pickup time in New York as its timestamp, and a value that is the ride.</li>
 * </ul>
 * Their output is in {@code target/outside-clients}.
 */
@EmbeddedKafka
class OutsideClientsIT {

	static final Path SCRIPTS = Path.of("src", "test", "outside-readers").toAbsolutePath();

	static final Path OUTPUT = Path.of("target", "outside-clients").toAbsolutePath();

	/** The producer's formats, in the order they are replayed. */
	/** W3C trace context: each replay's records carry the trace of the request that started it. */
	static final String TRACEPARENT_HEADER = "traceparent";

	static final List<String> FORMATS = List.of("json", "json-schema", "avro");

	/** The producer's {@code ridestream.replay.source-zone}, left at its default: the zone of the CSV's times. */
	static final ZoneId SOURCE_ZONE = ZoneId.of("America/New_York");

	static final int RIDES_PER_FORMAT = 3;

	/** What kcat prints of each record; {@code %S} (the value's length) lets binary values be read back. */
	static final String KCAT_FORMAT = "partition %p offset %o timestamp %T key %k headers %h value(%S bytes) %s\\n";

	static final Pattern KCAT_RECORD = Pattern
		.compile("partition (\\d+) offset (\\d+) timestamp (-?\\d+) key (.*?) headers (.*?) value\\((\\d+) bytes\\) ");

	static final String REPLAY_ID_HEADER = "ridestream-replay-id";

	static final String SOURCE_LINE_HEADER = "ridestream-source-line";

	static final String SENT_AT_HEADER = "ridestream-sent-at";

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	static FakeSchemaRegistry registry;

	static String brokers;

	static Services services;

	/** The bundled CSV's rides by their line in it. */
	static Map<Long, Ride> csvRides;

	/** The replay of each format, by the replay id its records carry. */
	static final Map<String, String> formatsByReplayId = new HashMap<>();

	static List<KcatRecord> kcatRecords;

	static int kafkaJsExitCode = -1;

	static List<JsonNode> kafkaJsRead = List.of();

	static List<JsonNode> kafkaJsWrote = List.of();

	static JsonNode statsBeforeKafkaJsWrote;

	@BeforeAll
	static void replayInEveryFormatThenRunKcatAndKafkaJs(EmbeddedKafkaBroker broker) throws IOException {
		Files.createDirectories(OUTPUT);
		csvRides = readCsvRides();
		registry = FakeSchemaRegistry.start();
		// A subject takes JSON Schema and then Avro only at compatibility NONE, as when producers move to Avro.
		registry.setCompatibility("rides-value", "NONE");
		brokers = broker.getBrokersAsString();
		services = Services.start(brokers, Map.of("SCHEMA_REGISTRY_URL", registry.url(), "RIDESTREAM_FORMAT", "json"));
		formatsByReplayId.put(replay(services.producer()), "json");
		for (String format : FORMATS.subList(1, FORMATS.size())) {
			// Avro chosen as a Confluent user would: by naming Confluent's serializer, which Ride Stream stands in for.
			Map<String, String> choice = format.equals("avro")
					? Map.of("SPRING_KAFKA_PRODUCER_VALUE_SERIALIZER", "io.confluent.kafka.serializers.KafkaAvroSerializer")
					: Map.of("RIDESTREAM_FORMAT", format);
			Map<String, String> environment = new HashMap<>(choice);
			environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", brokers);
			environment.put("SCHEMA_REGISTRY_URL", registry.url());
			try (ServiceProcess producer = ServiceProcess.start("ride-producer-service", environment)) {
				formatsByReplayId.put(replay(producer), format);
			}
		}
		// Once the consumer has counted them, every transaction's markers are written: the topic is complete.
		ConsumerStats.awaitTotalRides(services.consumer(), brokers, (long) FORMATS.size() * csvRides.size());
		if (runs("kcat", "-V")) {
			kcatRecords = runKcat();
		}
		if (runs("node", "--version") && runs("npm", "--version")) {
			statsBeforeKafkaJsWrote = ConsumerStats.of(services.consumer());
			runKafkaJs();
		}
	}

	@AfterAll
	static void stopServices() {
		if (services != null) {
			services.close();
		}
		if (registry != null) {
			registry.close();
		}
	}

	@Test
	void kafkaJsDecodesEveryRecordOfEveryReplay() {
		assertKafkaJsRan();
		List<JsonNode> failures = kafkaJsRead.stream().filter((line) -> line.has("error")).toList();

		assertThat(failures).as("records KafkaJS could not decode").isEmpty();
		for (String format : FORMATS) {
			List<JsonNode> records = kafkaJsRead.stream()
				.filter((line) -> format.equals(formatOf(line.get("read").get("headers"))))
				.toList();
			assertThat(records).as("the %s replay's records", format)
				.allSatisfy((line) -> assertThat(line.get("read").get("format").asString()).isEqualTo(format))
				.extracting((line) -> Long.valueOf(line.get("read").get("headers").get(SOURCE_LINE_HEADER).asString()))
				.containsExactlyInAnyOrderElementsOf(csvRides.keySet());
		}
		assertThat(kafkaJsRead).hasSize(FORMATS.size() * csvRides.size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "json", "json-schema", "avro" })
	void kafkaJsReadsEachRideExactlyAsTheCsvHasIt(String format) {
		assertKafkaJsRan();
		List<JsonNode> records = kafkaJsRead.stream()
			.map((line) -> line.get("read"))
			.filter((read) -> format.equals(formatOf(read.get("headers"))))
			.toList();

		assertThat(records).as("KafkaJS's records of the %s replay", format).hasSize(csvRides.size());
		for (JsonNode read : records) {
			long line = Long.parseLong(read.get("headers").get(SOURCE_LINE_HEADER).asString());
			String description = String.format("%s ride at partition %s offset %s (CSV line %d), as KafkaJS decoded it",
					format, read.get("partition"), read.get("offset").asString(), line);
			assertThat(read.has("ride")).as(description).isTrue();
			assertThat(fields(read.get("ride"))).as(description).isEqualTo(fields(csvRides.get(line)));
		}
	}

	@Test
	void consumerCountsTheRidesKafkaJsWritesInEveryFormatExactly() {
		assertKafkaJsRan();
		BigDecimal amount = kafkaJsWrote.stream()
			.map((line) -> new BigDecimal(line.get("wrote").get("ride").get("total_amount").asString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);

		assertThat(kafkaJsWrote).extracting((line) -> line.get("wrote").get("format").asString())
			.containsOnlyElementsOf(FORMATS)
			.containsAll(FORMATS)
			.hasSize(FORMATS.size() * RIDES_PER_FORMAT);
		JsonNode after = ConsumerStats.awaitTotalRides(services.consumer(), brokers,
				statsBeforeKafkaJsWrote.get("totalRides").asLong() + kafkaJsWrote.size());
		assertThat(new BigDecimal(after.get("totalAmount").asString()))
			.isEqualByComparingTo(new BigDecimal(statsBeforeKafkaJsWrote.get("totalAmount").asString()).add(amount));
		assertThat(after.get("deadLetters").asLong()).isEqualTo(statsBeforeKafkaJsWrote.get("deadLetters").asLong());
	}

	@Test
	void kcatShowsEveryRideOnceWithItsReplayAndCsvLineInItsHeaders() {
		assertKcatRan();
		List<String> expected = new ArrayList<>();
		formatsByReplayId.keySet()
			.forEach((replayId) -> csvRides.keySet().forEach((line) -> expected.add(replayId + " line " + line)));

		assertThat(kcatRecords).extracting((record) -> record.headers().keySet())
			.allSatisfy((names) -> assertThat(names).containsExactlyInAnyOrder(REPLAY_ID_HEADER, SOURCE_LINE_HEADER,
					TRACEPARENT_HEADER, SENT_AT_HEADER));
		assertThat(kcatRecords)
			.extracting((record) -> record.headers().get(REPLAY_ID_HEADER) + " line "
					+ record.headers().get(SOURCE_LINE_HEADER))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void kcatShowsTheTraceOfItsReplayInEveryRecordsW3cTraceparent() {
		assertKcatRan();

		Map<String, Set<String>> traceIdsByReplay = new TreeMap<>();
		for (KcatRecord record : kcatRecords) {
			String traceparent = record.headers().get(TRACEPARENT_HEADER);
			assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
			traceIdsByReplay.computeIfAbsent(record.headers().get(REPLAY_ID_HEADER), (replay) -> new TreeSet<>())
				.add(traceparent.substring(3, 35));
		}

		assertThat(traceIdsByReplay).hasSize(formatsByReplayId.size())
			.allSatisfy((replay, traceIds) -> assertThat(traceIds).as("replay %s", replay).hasSize(1));
		assertThat(traceIdsByReplay.values().stream().flatMap(Set::stream).distinct()).as("one trace a replay")
			.hasSize(formatsByReplayId.size());
	}

	@Test
	void kcatShowsEveryRideKeyedByItsPickupLocation() {
		assertKcatRan();

		assertThat(kcatRecords).isNotEmpty()
			.allSatisfy((record) -> assertThat(record.key()).as("key of %s", record)
				.isEqualTo(String.valueOf(csvRide(record).pickupLocationId())));
	}

	@Test
	void kcatShowsThePickupTimeInNewYorkAsEveryRecordsTimestamp() {
		assertKcatRan();

		assertThat(kcatRecords).isNotEmpty()
			.allSatisfy((record) -> assertThat(record.timestamp()).as("timestamp of %s", record)
				.isEqualTo(csvRide(record).pickupTime().atZone(SOURCE_ZONE).toInstant().toEpochMilli()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "json", "json-schema", "avro" })
	void kcatShowsAValueThatIsTheRide(String format) {
		assertKcatRan();
		List<KcatRecord> records = kcatRecords.stream()
			.filter((record) -> format.equals(formatsByReplayId.get(record.headers().get(REPLAY_ID_HEADER))))
			.toList();
		RideDeserializer deserializer = new RideDeserializer();
		deserializer.configure(Map.of("schema.registry.url", registry.url()), false);
		// Registering a registered schema again only answers its id.
		int jsonSchemaId = registry.register("rides-value", RideSchema.json());
		int avroSchemaId = registry.register("rides-value", "AVRO", RideAvroSchema.json());

		assertThat(records).as("kcat's records of the %s replay", format).hasSize(csvRides.size());
		for (KcatRecord record : records) {
			byte[] value = record.value();
			Map<String, Object> ride = switch (format) {
				case "json" -> fields(JSON.readTree(value));
				case "json-schema" -> {
					assertFramed(record, jsonSchemaId);
					yield fields(JSON.readTree(Arrays.copyOfRange(value, 5, value.length)));
				}
				default -> {
					assertFramed(record, avroSchemaId);
					yield fields(deserializer.deserialize("rides", value));
				}
			};
			assertThat(ride).as("value of %s", record).isEqualTo(fields(csvRide(record)));
		}
	}

	/** Confluent's framing: magic byte 0, then the schema id as four big-endian bytes. */
	private static void assertFramed(KcatRecord record, int schemaId) {
		byte[] value = record.value();
		assertThat(value).as("value of %s", record).hasSizeGreaterThan(5);
		assertThat(value[0]).as("magic byte of %s", record).isZero();
		assertThat(((value[1] & 0xff) << 24) | ((value[2] & 0xff) << 16) | ((value[3] & 0xff) << 8) | (value[4] & 0xff))
			.as("schema id of %s", record)
			.isEqualTo(schemaId);
	}

	/** The ride of the CSV line that a record's header names. */
	private static Ride csvRide(KcatRecord record) {
		Ride ride = csvRides.get(Long.valueOf(record.headers().get(SOURCE_LINE_HEADER)));
		assertThat(ride).as("the CSV ride of %s", record).isNotNull();
		return ride;
	}

	private static String formatOf(JsonNode headers) {
		return formatsByReplayId.get(headers.path(REPLAY_ID_HEADER).asString(""));
	}

	/**
	 * A ride's fields by their wire names, nulls left out, decimals compared by value (Avro keeps no trailing
	 * zeros, JSON numbers in JavaScript neither).
	 */
	private static Map<String, Object> fields(Ride ride) {
		Map<String, Object> fields = new TreeMap<>();
		for (RecordComponent component : Ride.class.getRecordComponents()) {
			Object value;
			try {
				value = component.getAccessor().invoke(ride);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			if (value instanceof BigDecimal decimal) {
				value = decimal.stripTrailingZeros();
			}
			else if (value instanceof Dataset dataset) {
				value = dataset.wireName();
			}
			if (value != null) {
				fields.put(wireName(component), value);
			}
		}
		return fields;
	}

	/**
	 * The same of a ride printed as JSON, each field read as the type {@link Ride} gives it: decimals from JSON
	 * numbers or, as the script prints Avro's decimals, exact decimal strings; integers only from integral numbers.
	 * A field that {@link Ride} does not have is kept as it is, so that it shows.
	 */
	private static Map<String, Object> fields(JsonNode ride) {
		Map<String, Object> fields = new TreeMap<>();
		Map<String, RecordComponent> components = new LinkedHashMap<>();
		for (RecordComponent component : Ride.class.getRecordComponents()) {
			components.put(wireName(component), component);
		}
		for (Map.Entry<String, JsonNode> property : ride.properties()) {
			JsonNode value = property.getValue();
			RecordComponent component = components.get(property.getKey());
			if (value.isNull()) {
				continue;
			}
			if (component == null) {
				fields.put(property.getKey(), value.toString());
				continue;
			}
			Class<?> type = component.getType();
			Object field;
			if (type == BigDecimal.class) {
				field = (value.isNumber() ? value.decimalValue() : new BigDecimal(value.stringValue()))
					.stripTrailingZeros();
			}
			else if (type == Integer.class) {
				field = value.isIntegralNumber() ? Integer.valueOf(value.intValue()) : value.toString();
			}
			else if (type == LocalDateTime.class) {
				field = LocalDateTime.parse(value.stringValue());
			}
			else {
				field = value.isString() ? value.stringValue() : value.toString();
			}
			fields.put(property.getKey(), field);
		}
		return fields;
	}

	private static String wireName(RecordComponent component) {
		try {
			return Ride.class.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class).value();
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<Long, Ride> readCsvRides() throws IOException {
		Map<Long, Ride> rides = new LinkedHashMap<>();
		try (Reader text = Files.newBufferedReader(RidesCsvFigures.BUNDLED, StandardCharsets.UTF_8);
				RideCsvReader reader = RideCsvReader.open(text)) {
			for (RideRow row = reader.next(); row != null; row = reader.next()) {
				assertThat(row).as("row of the bundled CSV").isInstanceOf(RideRow.Parsed.class);
				rides.put(row.position(), ((RideRow.Parsed) row).ride());
			}
		}
		return rides;
	}

	/** Replays the bundled CSV and waits for it; the replay's id. */
	private static String replay(ServiceProcess producer) {
		JsonNode job = Http.post(producer.url("/rides/replay?wait=true"), null, BodyPublishers.noBody()).json();
		assertThat(job.get("state").asString()).as("replay %s", job).isEqualTo("COMPLETED");
		assertThat(job.get("published").asLong()).as("replay %s", job).isEqualTo(csvRides.size());
		return job.get("id").asString();
	}

	private static List<KcatRecord> runKcat() throws IOException {
		Path out = OUTPUT.resolve("kcat.out");
		int exit = run(out, OUTPUT.resolve("kcat.log"), Duration.ofMinutes(1), Map.of(), "kcat", "-C", "-b", brokers,
				"-t", "rides", "-o", "beginning", "-e", "-f", KCAT_FORMAT);
		assertThat(exit).as("kcat failed; %s:%n%s", OUTPUT.resolve("kcat.log"), tail(OUTPUT.resolve("kcat.log"), 30))
			.isZero();
		return KcatRecord.parse(Files.readAllBytes(out));
	}

	private static void runKafkaJs() throws IOException {
		installUnlessUpToDate();
		Path out = OUTPUT.resolve("kafkajs.jsonl");
		Path log = OUTPUT.resolve("kafkajs.log");
		kafkaJsExitCode = run(out, log, Duration.ofMinutes(4), Map.of("BROKERS", brokers, "REGISTRY_URL",
				registry.url(), "TOPIC", "rides", "RIDES_PER_FORMAT", String.valueOf(RIDES_PER_FORMAT)), "node",
				"rides.mjs");
		List<JsonNode> lines = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(JSON::readTree).toList();
		kafkaJsRead = lines.stream().filter((line) -> line.has("read")).toList();
		kafkaJsWrote = lines.stream().filter((line) -> line.has("wrote")).toList();
	}

	private static void assertKafkaJsRan() {
		if (statsBeforeKafkaJsWrote == null) {
			fail("The KafkaJS tests need Node.js and npm: apt-get install nodejs npm");
		}
		Path log = OUTPUT.resolve("kafkajs.log");
		assertThat(kafkaJsExitCode).as("node rides.mjs failed; the end of %s:%n%s", log, tail(log, 60)).isZero();
	}

	private static void assertKcatRan() {
		if (kcatRecords == null) {
			fail("The kcat tests need kcat: apt-get install kcat");
		}
	}

	/** {@code npm ci} when node_modules is missing or older than package-lock.json, as after a checkout. */
	private static void installUnlessUpToDate() throws IOException {
		Commands.npmCiUnlessUpToDate(SCRIPTS, OUTPUT.resolve("npm.log"),
				" (lz4 builds a native module: it needs make, g++ and python3)");
	}

	/** Runs the command in the scripts' directory, its output and errors to these files; the exit code. */
	private static int run(Path out, Path err, Duration timeout, Map<String, String> environment,
			String... command) {
		return Commands.run(SCRIPTS, out, err, timeout, environment, command);
	}

	private static boolean runs(String... command) {
		return Commands.runs(command);
	}

	private static String tail(Path log, int lines) {
		return Commands.tail(log, lines);
	}

	/** One record as kcat printed it with {@link #KCAT_FORMAT}. */
	record KcatRecord(int partition, long offset, long timestamp, String key, Map<String, String> headers,
			byte[] value) {

		/** Reads kcat's output byte for byte: values may be binary, and their length says where they end. */
		static List<KcatRecord> parse(byte[] output) {
			String text = new String(output, StandardCharsets.ISO_8859_1);
			Matcher matcher = KCAT_RECORD.matcher(text);
			List<KcatRecord> records = new ArrayList<>();
			int at = 0;
			while (at < text.length()) {
				matcher.region(at, text.length());
				assertThat(matcher.lookingAt()).as("kcat's output at byte %d: %s", at,
						text.substring(at, Math.min(text.length(), at + 200))).isTrue();
				int start = matcher.end();
				int end = start + Integer.parseInt(matcher.group(6));
				assertThat(text.indexOf('\n', end)).as("end of kcat's record at byte %d", at).isEqualTo(end);
				records.add(new KcatRecord(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)),
						Long.parseLong(matcher.group(3)), utf8(matcher.group(4)), headers(utf8(matcher.group(5))),
						Arrays.copyOfRange(output, start, end)));
				at = end + 1;
			}
			return records;
		}

		private static Map<String, String> headers(String text) {
			Map<String, String> headers = new LinkedHashMap<>();
			for (String header : text.isEmpty() ? new String[0] : text.split(",")) {
				int equals = header.indexOf('=');
				headers.put(header.substring(0, equals), header.substring(equals + 1));
			}
			return headers;
		}

		private static String utf8(String latin1) {
			return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return "the record at partition " + this.partition + " offset " + this.offset + " (headers "
					+ this.headers + ")";
		}

	}

}
