package io.ridestream.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators of Spring services expect, against both services from their packaged jars, logging ECS JSON
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}):
 * <ul>
 * <li>Each service's OpenAPI document ({@code /v3/api-docs}) against the service itself: every request mapping of its
 * controllers (as the actuator's {@code mappings} endpoint lists them) is documented, every documented operation
 * exists, and every operation sent with its documented examples (path, query and header parameters) answers with a
 * status the document lists for it, its problems as {@code application/problem+json}.</li>
 * <li>One trace from the HTTP request that starts a replay to the consumer's log line for the replay's rides: the
 * request carries a W3C {@code traceparent}, the producer's replay and its records continue that trace, and the
 * consumer logs where the replay's rides begin in it, every line of the replay with its id.</li>
 * </ul>
 */
@EmbeddedKafka
class OperabilityIT {

	@TempDir
	static Path dataDir;

	static Services services;

	@BeforeAll
	static void startServices(EmbeddedKafkaBroker broker) throws IOException {
		Files.copy(RidesCsvFigures.BUNDLED, dataDir.resolve("rides.csv"));
		// The mappings endpoint only here, to compare the document with what the services serve.
		services = Services.start(broker.getBrokersAsString(),
				Map.of("RIDESTREAM_REPLAY_DATA_DIR", dataDir.toString(), "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE",
						"health,info,metrics,prometheus,stats,mappings", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
	}

	@AfterAll
	static void stopServices() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void bothServicesListenOnLoopbackOnlyUnlessToldOtherwise() throws SocketException {
		List<InetAddress> others = nonLoopbackAddresses();
		assumeThat(others).as("this machine has a network address besides loopback").isNotEmpty();

		for (ServiceProcess service : List.of(services.producer(), services.consumer())) {
			assertThat(Http.status(service.url("/actuator/health"))).isEqualTo(200);
			for (InetAddress address : others) {
				String url = "http://" + host(address) + ":" + service.port() + "/actuator/health";
				assertThat(Http.status(url)).as(url).isEqualTo(-1);
			}
		}
	}

	@Test
	void producerDocumentsEveryEndpointItServes() {
		assertThat(documented(services.producer())).isEqualTo(served(services.producer())).isNotEmpty();
	}

	@Test
	void consumerDocumentsEveryEndpointItServes() {
		assertThat(documented(services.consumer())).isEqualTo(served(services.consumer())).isNotEmpty();
	}

	@Test
	void producerAnswersEveryDocumentedExampleAsDocumented() {
		assertThat(examplesAnsweredOtherwise(services.producer())).isEmpty();
	}

	@Test
	void consumerAnswersEveryDocumentedExampleAsDocumented() {
		assertThat(examplesAnsweredOtherwise(services.consumer())).isEmpty();
	}

	private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
		List<InetAddress> addresses = new ArrayList<>();
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				Collections.list(network.getInetAddresses())
					.stream()
					.filter((address) -> !address.isLinkLocalAddress())
					.forEach(addresses::add);
			}
		}
		return addresses;
	}

	private static String host(InetAddress address) {
		String host = address.getHostAddress().replaceFirst("%.*", ""); // no zone: the address is not link-local
		return (address instanceof Inet6Address) ? "[" + host + "]" : host;
	}

	/** "GET /stats/windows" for each operation of the document. */
	private static Set<String> documented(ServiceProcess service) {
		Set<String> operations = new TreeSet<>();
		apiDocs(service).path("paths").properties().forEach((path) -> path.getValue().propertyNames()
			.forEach((method) -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
		return operations;
	}

	/** The same for the request mappings of the service's own controllers, but those hidden from the document. */
	private static Set<String> served(ServiceProcess service) {
		JsonNode contexts = Http.get(service.url("/actuator/mappings")).json().path("contexts");
		Set<String> operations = new TreeSet<>();
		for (JsonNode context : contexts) {
			for (JsonNode mapping : context.path("mappings").path("dispatcherServlets").path("dispatcherServlet")) {
				JsonNode handler = mapping.path("details").path("handlerMethod");
				if (!handler.path("className").asString("").startsWith("io.ridestream.")) {
					continue;
				}
				JsonNode conditions = mapping.path("details").path("requestMappingConditions");
				List<String> produces = new ArrayList<>();
				conditions.path("produces").forEach((type) -> produces.add(type.path("mediaType").asString()));
				if (!produces.isEmpty() && produces.stream().noneMatch((type) -> type.contains("json"))) {
					continue; // the HTML page and the text table of /stats, documented with its JSON
				}
				for (JsonNode pattern : conditions.path("patterns")) {
					if (pattern.asString().equals("/")) {
						continue; // the consumer's redirect to /stats
					}
					for (JsonNode method : conditions.path("methods")) {
						operations.add(method.asString() + " " + pattern.asString());
					}
				}
			}
		}
		return operations;
	}

	/**
	 * Sends each operation with its documented examples; what did not answer a documented status, or answered a
	 * problem in another type than {@code application/problem+json}.
	 */
	private static List<String> examplesAnsweredOtherwise(ServiceProcess service) {
		List<String> wrong = new ArrayList<>();
		apiDocs(service).path("paths").properties().forEach((path) -> path.getValue().properties().forEach((entry) -> {
			String method = entry.getKey().toUpperCase(Locale.ROOT);
			JsonNode operation = entry.getValue();
			String target = path.getKey();
			List<String> query = new ArrayList<>();
			Map<String, String> headers = new HashMap<>();
			headers.put("Accept", "application/json");
			for (JsonNode parameter : operation.path("parameters")) {
				JsonNode example = parameter.path("example");
				if (example.isMissingNode()) {
					continue;
				}
				String name = parameter.path("name").asString();
				String value = example.asString();
				switch (parameter.path("in").asString()) {
					case "path" -> target = target.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
					case "query" -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
					case "header" -> headers.put(name, value);
					default -> wrong.add(method + " " + path.getKey() + ": a parameter in " + parameter.path("in"));
				}
			}
			String url = service.url(target + (query.isEmpty() ? "" : "?" + String.join("&", query)));
			Http.Response response = Http.send(method, url, headers);
			JsonNode documented = operation.path("responses").path(String.valueOf(response.status()));
			if (documented.isMissingNode()) {
				wrong.add(method + " " + url + " answered " + response.status() + ", documented: "
						+ operation.path("responses").propertyNames() + "; " + response.body());
			}
			else if (response.status() >= 400 && !documented.path("content").has("application/problem+json")) {
				wrong.add(method + " " + url + ": problem " + response.status() + " not documented as a problem");
			}
		}));
		return wrong;
	}

	private static JsonNode apiDocs(ServiceProcess service) {
		Http.Response response = Http.get(service.url("/v3/api-docs"));
		assertThat(response.status()).as("GET /v3/api-docs").isEqualTo(200);
		return response.json();
	}


	@Test
	void theTraceOfTheReplayRequestReachesTheConsumersLogLineForItsRides() {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

		Http.Response response = Http.send("POST", services.producer().url("/rides/replay?wait=true"),
				Map.of(Http.REQUESTED_BY, "tracing-test", "traceparent", traceparent, "Accept", "application/json"));
		String replayId = response.json().get("id").asString();

		assertThat(response.status()).isEqualTo(200);
		List<JsonNode> producerLines = linesOf(services.producer(), replayId);
		assertThat(producerLines).extracting((line) -> line.path("message").asString())
			.anyMatch((message) -> message.startsWith("Replay " + replayId + " started"))
			.anyMatch((message) -> message.startsWith("Replay " + replayId + " COMPLETED"));
		assertThat(producerLines).allSatisfy((line) -> assertThat(traceIdOf(line)).isEqualTo(traceId));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(linesOf(services.consumer(), replayId))
			.filteredOn((line) -> line.path("message").asString().startsWith("Counting the rides of replay " + replayId))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(traceIdOf(line)).isEqualTo(traceId)));
	}

	@Test
	void bothServicesLogEveryLineAsAnEcsJsonObject() throws IOException {
		for (ServiceProcess service : List.of(services.producer(), services.consumer())) {
			List<String> lines = Files.readAllLines(service.log());
			List<String> logged = lines.subList(firstJsonLine(lines), lines.size());

			assertThat(logged).as("%s", service.log()).isNotEmpty().allSatisfy((line) -> {
				JsonNode json = json(line);
				assertThat(json.path("ecs").path("version").asString(null)).as(line).isNotNull();
				assertThat(json.path("log").path("level").asString(null)).as(line).isNotNull();
				assertThat(json.path("message").isString()).as(line).isTrue();
			});
			assertThat(logged).anyMatch((line) -> json(line).path("message").asString().contains(" ready on http://"));
		}
	}

	/** Where logging begins, after what the JVM and the banner print. */
	private static int firstJsonLine(List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("{")) {
				return i;
			}
		}
		return lines.size();
	}

	/** The service's ECS log lines that carry the replay's id in the MDC. */
	private static List<JsonNode> linesOf(ServiceProcess service, String replayId) {
		try {
			return Files.readAllLines(service.log())
				.stream()
				.filter((line) -> line.startsWith("{"))
				.map(OperabilityIT::json)
				.filter((line) -> replayId.equals(line.path("replayId").asString(null)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The trace id of an ECS line: {@code trace.id}, or the MDC's {@code traceId}. */
	private static String traceIdOf(JsonNode line) {
		JsonNode ecs = line.path("trace").path("id");
		return ecs.isMissingNode() ? line.path("traceId").asString(null) : ecs.asString();
	}

	private static JsonNode json(String line) {
		try {
			return JsonMapper.shared().readTree(line);
		}
		catch (JacksonException ex) {
			return JsonMapper.shared().missingNode();
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1; // never all zeros, which W3C trace context calls invalid
		return bytes;
	}

}
