package io.ridestream.serde.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.ridestream.serde.RideSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ride schema's second version (green and FHV trips) is registered over the first under a Confluent registry's
 * default BACKWARD compatibility, and the test registry refuses the changes Confluent's rules forbid, so that the
 * acceptance means something.
 */
class SchemaEvolutionTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stopRegistry() {
		this.registry.close();
	}

	@Test
	void registersVersion2OverVersion1UnderTheDefaultBackwardCompatibility() throws Exception {
		this.registry.register("rides-value", version1());

		HttpResponse<String> response = register("rides-value", RideSchema.json());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.registry.schemas("rides-value")).containsExactly(version1(), RideSchema.json());
	}

	@Test
	void refusesAPropertyWithATypeAddedToAnOpenContentModel() throws Exception {
		this.registry.register("rides-value", version1());
		ObjectNode typed = schema();
		((ObjectNode) typed.path("properties")).set("dataset", JSON.readTree("{\"type\":\"string\"}"));

		HttpResponse<String> response = register("rides-value", typed.toString());

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(response.body()).path("message").asString())
			.startsWith("Schema being registered is incompatible with an earlier schema for subject \"rides-value\"")
			.contains("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", "#/properties/dataset", "BACKWARD");
	}

	@Test
	void refusesMakingAnOptionalPropertyRequired() throws Exception {
		this.registry.register("rides-value", RideSchema.json());
		ObjectNode stricter = schema();
		stricter.withArray("required").add("VendorID");

		HttpResponse<String> response = register("rides-value", stricter.toString());

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("REQUIRED_ATTRIBUTE_ADDED", "#/required/VendorID");
	}

	@Test
	void refusesNarrowingATypeOrRaisingAMinimum() throws Exception {
		this.registry.register("rides-value", RideSchema.json());
		ObjectNode narrower = schema();
		((ObjectNode) narrower.path("properties").path("fare_amount")).set("type", JSON.readTree("\"number\""));
		((ObjectNode) narrower.path("properties").path("passenger_count")).put("minimum", 1);

		HttpResponse<String> response = register("rides-value", narrower.toString());

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("SUM_TYPE_NARROWED", "#/properties/fare_amount", "MINIMUM_INCREASED",
				"#/properties/passenger_count");
	}

	@Test
	void refusesClosingTheOpenContentModel() throws Exception {
		this.registry.register("rides-value", RideSchema.json());
		ObjectNode closed = schema();
		closed.put("additionalProperties", false);

		HttpResponse<String> response = register("rides-value", closed.toString());

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("ADDITIONAL_PROPERTIES_REMOVED");
	}

	@Test
	void isNotForwardCompatibleBecauseAFirstVersionReaderNeedsAVendorAndFares() throws Exception {
		this.registry.register("rides-value", version1());
		this.registry.setCompatibility("rides-value", "FORWARD");

		HttpResponse<String> response = register("rides-value", RideSchema.json());

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).contains("SUM_TYPE_NARROWED", "#/properties/VendorID", "REQUIRED_ATTRIBUTE_ADDED",
				"#/required/fare_amount");
	}

	@Test
	void registersAnyChangeUnderCompatibilityNone() throws Exception {
		this.registry.register("rides-value", RideSchema.json());
		assertThat(put("/config/rides-value", "{\"compatibility\":\"NONE\"}").statusCode()).isEqualTo(200);
		ObjectNode closed = schema();
		closed.put("additionalProperties", false);

		assertThat(register("rides-value", closed.toString()).statusCode()).isEqualTo(200);
	}

	@Test
	void answersTheCompatibilityCheckWithoutRegistering() throws Exception {
		this.registry.register("rides-value", version1());
		ObjectNode typed = schema();
		((ObjectNode) typed.path("properties")).set("dataset", JSON.readTree("{\"type\":\"string\"}"));

		JsonNode compatible = JSON.readTree(post("/compatibility/subjects/rides-value/versions/latest",
				RideSchema.json()).body());
		JsonNode incompatible = JSON.readTree(post("/compatibility/subjects/rides-value/versions/latest",
				typed.toString()).body());

		assertThat(compatible.path("is_compatible").asBoolean()).isTrue();
		assertThat(incompatible.path("is_compatible").asBoolean()).isFalse();
		assertThat(this.registry.schemas("rides-value")).containsExactly(version1());
	}

	private static ObjectNode schema() {
		return (ObjectNode) JSON.readTree(RideSchema.json());
	}

	private static String version1() throws IOException {
		return Files.readString(Path.of("src/test/resources/ride.schema.v1.json"), StandardCharsets.UTF_8).strip();
	}

	private HttpResponse<String> register(String subject, String schema) throws Exception {
		return post("/subjects/" + subject + "/versions", schema);
	}

	private HttpResponse<String> post(String path, String schema) throws Exception {
		ObjectNode body = JSON.createObjectNode().put("schemaType", "JSON").put("schema", schema);
		return send(HttpRequest.newBuilder(URI.create(this.registry.url() + path))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private HttpResponse<String> put(String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(this.registry.url() + path))
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.header("Content-Type", "application/vnd.schemaregistry.v1+json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
