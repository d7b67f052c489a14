package io.ridestream.e2e;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs compose.yaml's health checks, exactly as written there, with {@code sh -c} as a container engine does:
 * Kafka's against a real broker and a closed port (with the real {@code kafka-broker-api-versions.sh} class in place of
 * the script of Kafka's image), the services' against an HTTP server answering their readiness probe.
 */
@EmbeddedKafka
class ComposeHealthChecksTest {

	static final String KAFKA_TOOL = "/opt/kafka/bin/kafka-broker-api-versions.sh";

	static Map<String, Map<String, Object>> services;

	@TempDir
	static Path scripts;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFile() throws IOException {
		try (Reader compose = Files.newBufferedReader(ServiceProcess.PROJECT_ROOT.resolve("compose.yaml"))) {
			services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(compose).get("services");
		}
	}

	@Test
	void kafkaIsHealthyWhileABrokerAnswers(EmbeddedKafkaBroker broker) throws Exception {
		assertThat(runKafkaCheck(broker.getBrokersAsString())).isZero();
	}

	@Test
	void kafkaIsUnhealthyWhileNothingServesItsPort() throws Exception {
		assertThat(runKafkaCheck("localhost:" + closedPort())).isNotZero();
	}

	@Test
	void aServiceIsHealthyWhileItsReadinessProbeAnswers200() throws Exception {
		for (String name : ComposeFileTest.SERVICES) {
			assertThat(runServiceCheck(name, 200)).as(name).isZero();
		}
	}

	/** Spring Boot's body when components are shown: an UP component must not pass for an UP service. */
	@Test
	void aServiceIsUnhealthyWhileItsReadinessProbeAnswers503EvenWithComponentsUp() throws Exception {
		for (String name : ComposeFileTest.SERVICES) {
			assertThat(runServiceCheck(name, 503)).as(name).isNotZero();
		}
	}

	@Test
	void aServiceIsUnhealthyWhileNothingServesItsPort() throws Exception {
		for (String name : ComposeFileTest.SERVICES) {
			String check = healthCheck(name).replace("127.0.0.1/" + servicePort(name), "127.0.0.1/" + closedPort());

			assertThat(run(check)).as(name).isNotZero();
		}
	}

	private static int runKafkaCheck(String bootstrapServers) throws Exception {
		Path tool = scripts.resolve("kafka-broker-api-versions.sh");
		Files.writeString(tool, "#!/bin/sh\nexec '%s' -cp '%s' org.apache.kafka.tools.BrokerApiVersionsCommand \"$@\"\n"
			.formatted(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path")));
		Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
		String check = healthCheck("kafka");
		assertThat(check).contains(KAFKA_TOOL).contains("localhost:9092");

		return run(check.replace(KAFKA_TOOL, tool.toString()).replace("localhost:9092", bootstrapServers));
	}

	private static int runServiceCheck(String name, int status) throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/actuator/health/readiness", (exchange) -> {
			String overall = (status == 200) ? "UP" : "DOWN";
			byte[] body = """
					{"status":"%s","components":{"kafka":{"status":"%s"},"readinessState":{"status":"UP"}}}"""
				.formatted(overall, overall)
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			return run(healthCheck(name).replace("127.0.0.1/" + servicePort(name),
					"127.0.0.1/" + server.getAddress().getPort()));
		}
		finally {
			server.stop(0);
		}
	}

	private static int servicePort(String name) {
		String published = String.valueOf(((List<?>) services.get(name).get("ports")).get(0));
		return Integer.parseInt(published.substring(published.lastIndexOf(':') + 1));
	}

	private static String healthCheck(String name) {
		@SuppressWarnings("unchecked")
		Map<String, Object> healthcheck = (Map<String, Object>) services.get(name).get("healthcheck");
		return (String) healthcheck.get("test");
	}

	/** The check's exit code; what it printed is logged, for when the code is not the one expected. */
	private static int run(String check) throws Exception {
		Process process = new ProcessBuilder("sh", "-c", check).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("finished: " + check).isTrue();
		System.out.printf("%s%n-> exit %d%n%s%n", check, process.exitValue(), output);
		return process.exitValue();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
