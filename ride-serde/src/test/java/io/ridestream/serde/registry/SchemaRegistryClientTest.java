package io.ridestream.serde.registry;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ridestream.serde.RideSchema;
import io.ridestream.serde.avro.RideAvroSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * How the registry client behaves where users of Confluent's client would notice: retries, refusals, credentials,
 * TLS, normalization and references, against a registry that speaks Confluent's REST protocol over real HTTP(S).
 */
class SchemaRegistryClientTest {

	private static final TypedSchema RIDE = TypedSchema.json(RideSchema.json());

	private static final String REGISTER = "registering a JSON schema under subject rides-value";

	private FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	@AfterEach
	void closeRegistry() {
		this.registry.close();
	}

	@Test
	void retriesAServerErrorUntilTheRegistryAnswers() {
		this.registry.failNext(2, 503, null);

		int id = client(Map.of("max.retries", 3, "retries.wait.ms", 1)).register("rides-value", RIDE);

		assertThat(id).isEqualTo(this.registry.register("rides-value", RideSchema.json()));
		assertThat(this.registry.count("POST", "/subjects/rides-value/versions")).isEqualTo(3);
	}

	@Test
	void givesUpAfterItsRetriesNamingTheLastAnswerAndTheTries() {
		this.registry.failNext(10, 500, null);
		SchemaRegistryClient client = client(Map.of("max.retries", 2, "retries.wait.ms", 1));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> client.register("rides-value", RIDE))
			.withMessage("Schema registry at " + this.registry.url() + " answered 500 while " + REGISTER
					+ " (3 tries): Error while forwarding the request to the leader");
		assertThat(this.registry.count("POST", "/subjects/rides-value/versions")).isEqualTo(3);
	}

	@Test
	void waitsAsLongAsTheRegistryAsksWhenItSaysTooManyRequests() {
		this.registry.failNext(1, 429, "0");
		// Without Retry-After the first wait would be 30-60 s.
		SchemaRegistryClient client = client(Map.of("retries.wait.ms", 60_000, "retries.max.wait.ms", 60_000));

		int id = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> client.register("rides-value", RIDE));

		assertThat(id).isPositive();
		assertThat(this.registry.count("POST", "/subjects/rides-value/versions")).isEqualTo(2);
	}

	@Test
	void neverRetriesAClientError() {
		this.registry.rejectNextRegistrationWith(422, 42201, "Invalid schema");
		SchemaRegistryClient client = client(Map.of("max.retries", 3, "retries.wait.ms", 1));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> client.register("rides-value", RIDE));
		assertThat(this.registry.count("POST", "/subjects/rides-value/versions")).isOne();
	}

	@Test
	void retriesARegistryItCannotReachThenSaysSo() throws Exception {
		String down = "http://127.0.0.1:" + closedPort();
		SchemaRegistryClient client = new SchemaRegistryClient(RegistrySerdeConfig
			.from(Map.of("schema.registry.url", down, "max.retries", 2, "retries.wait.ms", 1)));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> client.register("rides-value", RIDE))
			.withMessage("Schema registry at " + down + " is unreachable (Connection refused) while " + REGISTER
					+ " (3 tries)");
	}

	@Test
	void tellsMissingPermissionFromRejectedCredentials() {
		this.registry.requireBasicAuth("reader", "secret");
		this.registry.allowReadingOnly();
		SchemaRegistryClient reader = client(
				Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "reader:secret"));
		SchemaRegistryClient stranger = client(
				Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "reader:wrong"));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> reader.register("rides-value", RIDE))
			.withMessage("Schema registry at " + this.registry.url() + " refused the request (403) while " + REGISTER
					+ ": User is denied operation Write on Subject: rides-value; the credentials were accepted but "
					+ "lack the permission (in Confluent Cloud, a role binding on the subject)");
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> stranger.register("rides-value", RIDE))
			.withMessageContaining("rejected the credentials (401)")
			.withMessageContaining("check basic.auth.credentials.source and basic.auth.user.info")
			.withMessageNotContaining("wrong");
	}

	@Test
	void tellsAFailureOfTheRegistryFromAnAnswerAboutTheSchema() {
		SchemaRegistryClient client = client(Map.of("max.retries", 0, "retries.wait.ms", 0));
		this.registry.failNext(1, 503, null);
		SchemaRegistryException overloaded = catchThrowableOfType(SchemaRegistryException.class,
				() -> client.schemaById(1, "rides-value"));
		SchemaRegistryException noSuchId = catchThrowableOfType(SchemaRegistryException.class,
				() -> client.schemaById(1, "rides-value"));
		this.registry.requireBasicAuth("user", "secret");
		SchemaRegistryException refused = catchThrowableOfType(SchemaRegistryException.class,
				() -> client.schemaById(1, "rides-value"));

		assertThat(overloaded.registryUnavailable()).isTrue();
		assertThat(refused.registryUnavailable()).isTrue();
		assertThat(noSuchId.registryUnavailable()).as(noSuchId.getMessage()).isFalse();
	}

	@Test
	void failsAtOnceWithoutAskingForRetriesWaitMsAfterTheRegistryFailed() {
		int id = this.registry.register("rides-value", RideSchema.json());
		this.registry.failNext(1, 503, null);
		SchemaRegistryClient patient = client(
				Map.of("max.retries", 0, "retries.wait.ms", 60_000, "retries.max.wait.ms", 60_000));
		SchemaRegistryClient eager = client(Map.of("max.retries", 0, "retries.wait.ms", 0));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> patient.schemaById(id, "rides-value"));
		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> patient.schemaById(id, "rides-value"))
			.withMessageContaining("answered 503")
			.withMessageEndingWith("(not asked again for 60000 ms after a failure)")
			.satisfies((failure) -> assertThat(failure.registryUnavailable()).isTrue());
		assertThat(this.registry.count("GET", "/schemas/ids/" + id)).isOne();
		assertThat(eager.schemaById(id, "rides-value").text()).isEqualTo(RideSchema.json());
	}

	@Test
	void sendsAStaticBearerTokenWithConfluentCloudsHeaders() {
		this.registry.requireBearerToken("token-1");

		client(Map.of("bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "token-1",
				"bearer.auth.logical.cluster", "lsrc-1")).register("rides-value", RIDE);

		assertThat(this.registry.requests()).singleElement().satisfies((request) -> {
			assertThat(request.authorization()).isEqualTo("Bearer token-1");
			assertThat(request.header("target-sr-cluster")).isEqualTo("lsrc-1");
		});
	}

	@Test
	void asksTheRegistryToNormalizeSoThatAnEquivalentSchemaKeepsItsId() {
		int registered = this.registry.register("rides-value", reorderedKeys(RideSchema.json()));

		int normalized = client(Map.of("normalize.schemas", true)).register("rides-value", RIDE);
		int plain = client(Map.of()).register("rides-value", RIDE);

		assertThat(normalized).isEqualTo(registered);
		assertThat(this.registry.requests()).first().extracting(FakeSchemaRegistry.Request::query)
			.isEqualTo("normalize=true");
		assertThat(plain).as("the same schema in another key order, without normalization").isNotEqualTo(registered);
	}

	@Test
	void readsTheSchemasAnAvroSchemaReferencesFromTheirSubjects() {
		String dataset = RideAvroSchema.schema().getField("dataset").schema().getTypes().get(1).toString();
		this.registry.register("io.ridestream.Dataset", "AVRO", dataset);
		String ride = RideAvroSchema.json().replace(dataset, "\"io.ridestream.Dataset\"");
		int id = this.registry.register("rides-value", "AVRO", ride,
				List.of(new FakeSchemaRegistry.Reference("io.ridestream.Dataset", "io.ridestream.Dataset", 1)));

		TypedSchema schema = client(Map.of()).schemaById(id, "rides-value");

		assertThat(schema.references()).containsExactly(Map.entry("io.ridestream.Dataset", dataset));
		Schema.Parser parser = new Schema.Parser();
		schema.references().values().forEach(parser::parse);
		assertThat(parser.parse(schema.text())).isEqualTo(RideAvroSchema.schema());
	}

	@Test
	void trustsARegistryWhoseCertificateIsInThePemTrustStore(@TempDir Path directory) {
		TestCertificates certificates = TestCertificates.in(directory);
		useRegistry(FakeSchemaRegistry.startTls(certificates.serverContext(), false));

		int id = client(Map.of("schema.registry.ssl.truststore.location", certificates.serverCertificatePem().toString(),
				"schema.registry.ssl.truststore.type", "PEM")).register("rides-value", RIDE);

		assertThat(id).isPositive();
	}

	@Test
	void presentsItsClientCertificateWhenTheRegistryRequiresOne(@TempDir Path directory) {
		TestCertificates certificates = TestCertificates.in(directory);
		useRegistry(FakeSchemaRegistry.startTls(certificates.serverContext(), true));
		Map<String, Object> trust = Map.of("schema.registry.ssl.truststore.location",
				certificates.serverCertificatePem().toString(), "schema.registry.ssl.truststore.type", "PEM",
				"max.retries", 0);
		Map<String, Object> withKey = new HashMap<>(trust);
		withKey.put("schema.registry.ssl.keystore.location", certificates.clientKeyStore().toString());
		withKey.put("schema.registry.ssl.keystore.password", certificates.password());
		withKey.put("schema.registry.ssl.keystore.type", "PKCS12");

		assertThat(client(withKey).register("rides-value", RIDE)).isPositive();
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client(trust).register("rides-value", RIDE))
			.withMessageContaining("Schema registry at " + this.registry.url());
	}

	@Test
	void failsClearlyWhenTheRegistrysCertificateIsNotTrusted(@TempDir Path directory) {
		TestCertificates certificates = TestCertificates.in(directory);
		useRegistry(FakeSchemaRegistry.startTls(certificates.serverContext(), false));

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client(Map.of()).register("rides-value", RIDE))
			.withMessageStartingWith("Schema registry at " + this.registry.url() + ": TLS failed (")
			.withMessageContaining("set schema.registry.ssl.truststore.location");
		assertThat(this.registry.requests()).isEmpty();
	}

	private void useRegistry(FakeSchemaRegistry registry) {
		this.registry.close();
		this.registry = registry;
	}

	private SchemaRegistryClient client(Map<String, Object> settings) {
		Map<String, Object> configs = new HashMap<>(settings);
		configs.put("schema.registry.url", this.registry.url());
		return new SchemaRegistryClient(RegistrySerdeConfig.from(configs));
	}

	/** The same JSON document with the keys of its top object in reverse order. */
	private static String reorderedKeys(String json) {
		tools.jackson.databind.JsonNode tree = tools.jackson.databind.json.JsonMapper.shared().readTree(json);
		tools.jackson.databind.node.ObjectNode reversed = tools.jackson.databind.json.JsonMapper.shared().createObjectNode();
		List<String> names = new java.util.ArrayList<>(tree.propertyNames());
		java.util.Collections.reverse(names);
		names.forEach((name) -> reversed.set(name, tree.get(name)));
		return reversed.toString();
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
