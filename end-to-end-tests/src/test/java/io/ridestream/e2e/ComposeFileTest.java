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
 * compose.yaml cannot be run here (no Docker engine), so it is checked for what makes it start in order: every
 * service has a health check that its image can run, and both services wait for a healthy Kafka. CI also runs
 * {@code docker-compose config} on it.
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
			.contains("COPY . .");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(String service, String name) {
		return (Map<String, Object>) services.get(service).get(name);
	}

}
