package io.ridestream.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What compose.yaml promises its users, read from the file: every service has a health check its image can run and a
 * restart policy, both services wait for a healthy Kafka and registry, the two-consumers profile runs a second consumer
 * like the first, and compose.podman.yaml swaps nothing but the two images that cannot be pulled here.
 * {@link ComposeHealthChecksTest} runs the health checks; compose-test.sh runs the whole file with podman; CI also
 * runs {@code docker-compose config} on it.
 */
class ComposeFileTest {

	static final List<String> SERVICES = List.of("ride-producer-service", "ride-consumer-service");

	static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFile() throws IOException {
		try (Reader compose = Files.newBufferedReader(ServiceProcess.PROJECT_ROOT.resolve("compose.yaml"))) {
			Map<String, Object> file = new Yaml().load(compose);
			services = (Map<String, Map<String, Object>>) file.get("services");
		}
	}

	@Test
	void runsKafkaOfTheSameVersionAsOurKafkaClients() {
		assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
	}

	@Test
	void givesEveryServiceAHealthCheck() {
		assertThat(services).containsKeys("kafka", "schema-registry", "ride-producer-service", "ride-consumer-service");
		services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
	}

	@Test
	void restartsEveryServiceThatStopsWithoutBeingAskedTo() {
		services.forEach((name, service) -> assertThat(service).as(name).containsEntry("restart", "unless-stopped"));
	}

	@Test
	void theTwoConsumersProfileRunsASecondConsumerLikeTheFirstOnTheNextPort() {
		Map<String, Object> first = services.get("ride-consumer-service");
		Map<String, Object> second = services.get("ride-consumer-service-2");

		assertThat(second).containsEntry("profiles", List.of("two-consumers"))
			.containsEntry("ports", List.of("127.0.0.1:8082:8081"));
		assertThat(first).doesNotContainKey("profiles").containsEntry("ports", List.of("127.0.0.1:8081:8081"));
		for (String key : List.of("image", "build", "environment", "depends_on", "healthcheck", "restart")) {
			assertThat(second.get(key)).as(key).isEqualTo(first.get(key));
		}
	}

	@Test
	void theMonitoringProfileRunsPrometheusAndGrafanaOnLocalhostWithTheRepositorysConfiguration() {
		Map<String, Object> prometheus = services.get("prometheus");
		Map<String, Object> grafana = services.get("grafana");

		assertThat(prometheus).containsEntry("profiles", List.of("monitoring"))
			.containsEntry("ports", List.of("127.0.0.1:9090:9090"));
		assertThat(grafana).containsEntry("profiles", List.of("monitoring"))
			.containsEntry("ports", List.of("127.0.0.1:3000:3000"));
		assertThat(section("grafana", "depends_on")).containsEntry("prometheus", Map.of("condition", "service_healthy"));
		for (String name : List.of("prometheus", "grafana")) {
			assertThat(mountedFromTheRepository(name)).as(name)
				.isNotEmpty()
				.allSatisfy((path) -> assertThat(ServiceProcess.PROJECT_ROOT.resolve(path)).exists());
		}
		assertThat(mountedFromTheRepository("grafana")).contains("./monitoring/grafana/provisioning",
				"./monitoring/grafana/dashboards");
		assertThat(mountedFromTheRepository("prometheus")).contains("./monitoring/prometheus/prometheus.yml");
	}

	@Test
	void theScrapeConfigScrapesEveryServiceOnThePortItListensOnInTheComposeNetwork() throws IOException {
		String scrapeConfig = Files.readString(ServiceProcess.PROJECT_ROOT.resolve("monitoring/prometheus/prometheus.yml"));

		assertThat(scrapeConfig).contains("\"ride-producer-service:8080\"", "\"ride-consumer-service:8081\"",
				"\"ride-consumer-service-2:8081\"");
		assertThat(services).containsKeys("ride-producer-service", "ride-consumer-service", "ride-consumer-service-2");
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePodmanFileSwapsOnlyTheImagesThatCannotBePulledHereForImagesBuiltHere() throws IOException {
		Map<String, Map<String, Object>> swapped;
		try (Reader podman = Files.newBufferedReader(ServiceProcess.PROJECT_ROOT.resolve("compose.podman.yaml"))) {
			swapped = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(podman).get("services");
		}

		assertThat(swapped).containsOnlyKeys("kafka", "schema-registry", "prometheus");
		swapped.forEach((name, service) -> {
			Map<String, Object> build = (Map<String, Object>) service.get("build");
			assertThat(ServiceProcess.PROJECT_ROOT.resolve(String.valueOf(build.get("dockerfile")))).as(name).isRegularFile();
			assertThat(String.valueOf(service.get("image"))).as(name).startsWith("ride-stream/");
		});
	}

	@Test
	void checksOurServicesWithoutCurlWhichTheirJreImageLacks() {
		for (String name : SERVICES) {
			String test = String.valueOf(section(name, "healthcheck").get("test"));

			assertThat(test).as(name).doesNotContain("curl").doesNotContain("wget");
		}
	}

	@Test
	void pointsBothServicesAtTheSchemaRegistryOnceItIsHealthy() {
		for (String name : SERVICES) {
			Map<String, Object> dependsOn = section(name, "depends_on");
			Map<String, Object> environment = section(name, "environment");

			assertThat(dependsOn).as(name).containsEntry("schema-registry", Map.of("condition", "service_healthy"));
			assertThat(environment).as(name).containsEntry("SCHEMA_REGISTRY_URL", "http://schema-registry:8081");
		}
	}

	@Test
	void checksTheReadinessProbeOfEachService() {
		for (String name : SERVICES) {
			String test = String.valueOf(section(name, "healthcheck").get("test"));

			assertThat(test).as(name).contains("/actuator/health/readiness");
		}
	}

	@Test
	void startsEachServiceOnlyOnceKafkaIsHealthy() {
		for (String name : SERVICES) {
			Map<String, Object> dependsOn = section(name, "depends_on");

			assertThat(dependsOn).as(name).containsEntry("kafka", Map.of("condition", "service_healthy"));
		}
	}

	@Test
	void buildsEachServiceFromTheRepositorysDockerfileNamingItsModule() {
		for (String name : SERVICES) {
			Map<String, Object> build = section(name, "build");

			assertThat(build).as(name).containsEntry("context", ".").containsEntry("args", Map.of("SERVICE", name));
			assertThat(ServiceProcess.PROJECT_ROOT.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))))
				.as(name)
				.isEqualTo(ServiceProcess.PROJECT_ROOT.resolve("Dockerfile"));
		}
		assertThat(ServiceProcess.PROJECT_ROOT.resolve("Dockerfile")).content()
			.contains("-pl \"$SERVICE\" -am")
			.contains("COPY . .")
			// the services listen on 127.0.0.1 by default: unreachable through a published port without it
			.contains("ENV SERVER_ADDRESS=0.0.0.0");
	}

	/** The repository's paths a service mounts ("./x:/y:ro"), as written. */
	@SuppressWarnings("unchecked")
	private static List<String> mountedFromTheRepository(String service) {
		return ((List<String>) services.get(service).getOrDefault("volumes", List.of())).stream()
			.map((volume) -> volume.substring(0, volume.indexOf(':')))
			.filter((source) -> source.startsWith("./"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(String service, String name) {
		return (Map<String, Object>) services.get(service).get(name);
	}

}
