package io.ridestream.serde;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.ridestream.serde.registry.FakeSchemaRegistry;
import io.ridestream.serde.registry.SchemaRegistryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.ridestream.model.Ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The serde against a registry that speaks Confluent's REST protocol over HTTP. */
class RideSerdeRegistryTest {

	private static final Ride RIDE = RideJsonTest.RIDE;

	private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	@AfterEach
	void closeRegistry() {
		this.registry.close();
	}

	@Test
	void registersTheSchemaOnceForManyRides() {
		RideSerializer serializer = serializer(Map.of());

		for (int i = 0; i < 100; i++) {
			serializer.serialize("rides", RIDE);
		}

		assertThat(this.registry.requests()).extracting(FakeSchemaRegistry.Request::path)
			.containsExactly("/subjects/rides-value/versions");
		assertThat(this.registry.schemas("rides-value")).containsExactly(RideSchema.json());
	}

	@Test
	void registersTheSchemaOnceWhileManyThreadsSend() throws Exception {
		RideSerializer serializer = serializer(Map.of());
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<byte[]>> sends = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				sends.add(() -> serializer.serialize("rides", RIDE));
			}
			for (Future<byte[]> sent : threads.invokeAll(sends)) {
				assertThat(sent.get()[0]).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(this.registry.count("POST", "/subjects/rides-value/versions")).isOne();
	}

	@Test
	void registersOncePerSubject() {
		RideSerializer serializer = serializer(Map.of());

		serializer.serialize("rides", RIDE);
		serializer.serialize("rides-replay", RIDE);
		serializer.serialize("rides", RIDE);

		assertThat(this.registry.requests()).extracting(FakeSchemaRegistry.Request::path)
			.containsExactly("/subjects/rides-value/versions", "/subjects/rides-replay-value/versions");
	}

	@Test
	void registersUnderTheKeySubjectWhenSerializingKeys() {
		RideSerializer serializer = new RideSerializer();
		serializer.configure(Map.of("schema.registry.url", this.registry.url()), true);

		serializer.serialize("rides", RIDE);

		assertThat(this.registry.schemas("rides-key")).containsExactly(RideSchema.json());
	}

	@Test
	void fetchesTheWritersSchemaOnceForManyRides() {
		RideSerializer serializer = serializer(Map.of());
		RideDeserializer deserializer = deserializer(Map.of());
		byte[] message = serializer.serialize("rides", RIDE);
		int id = ByteBuffer.wrap(message, 1, 4).getInt();

		for (int i = 0; i < 100; i++) {
			assertThat(deserializer.deserialize("rides", message)).isEqualTo(RIDE);
		}

		assertThat(this.registry.count("GET", "/schemas/ids/" + id)).isOne();
	}

	@Test
	void usesTheLatestVersionWithoutRegistering() {
		int latest = this.registry.register("rides-value", RideSchema.json().replace("\"Ride\"", "\"Latest ride\""));
		RideSerializer serializer = serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true"));

		byte[] first = serializer.serialize("rides", RIDE);
		serializer.serialize("rides", RIDE);

		assertThat(ByteBuffer.wrap(first, 1, 4).getInt()).isEqualTo(latest);
		assertThat(this.registry.requests()).extracting(FakeSchemaRegistry.Request::method, FakeSchemaRegistry.Request::path)
			.containsExactly(tuple("GET", "/subjects/rides-value/versions/latest"));
	}

	@Test
	void validatesAgainstTheLatestVersionItWritesWith() {
		this.registry.register("rides-value", RideSchema.json().replace("\"minimum\" : 0", "\"minimum\" : 2"));
		RideSerializer serializer = serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true"));

		assertThatExceptionOfType(InvalidRideException.class).isThrownBy(() -> serializer.serialize("rides", RIDE))
			.withMessageContaining("passenger_count: must have a minimum value of 2 (was 1)");
	}

	@Test
	void failsClearlyWhenTheLatestVersionIsWantedButTheSubjectHasNone() {
		RideSerializer serializer = serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true"));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> serializer.serialize("rides", RIDE))
			.withMessage("Schema registry at " + this.registry.url() + ": subject rides-value has no schema registered; "
					+ "register one or set auto.register.schemas=true");
	}

	@Test
	void looksUpTheIdOfItsSchemaWhenNotRegisteringNorUsingTheLatest() {
		int id = this.registry.register("rides-value", RideSchema.json());
		RideSerializer serializer = serializer(Map.of("auto.register.schemas", false));

		byte[] message = serializer.serialize("rides", RIDE);
		serializer.serialize("rides", RIDE);

		assertThat(ByteBuffer.wrap(message, 1, 4).getInt()).isEqualTo(id);
		assertThat(this.registry.requests()).extracting(FakeSchemaRegistry.Request::path)
			.containsExactly("/subjects/rides-value");
	}

	@Test
	void failsClearlyWhenItsSchemaIsNotRegisteredAndMayNotBe() {
		this.registry.register("rides-value", RideSchema.json().replace("\"Ride\"", "\"Other ride\""));
		RideSerializer serializer = serializer(Map.of("auto.register.schemas", false));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> serializer.serialize("rides", RIDE))
			.withMessage("Schema registry at " + this.registry.url() + ": the schema is not registered under subject "
					+ "rides-value; register it, set auto.register.schemas=true, or set use.latest.version=true");
	}

	@Test
	void sendsTheBasicAuthCredentialsOfUserInfo() {
		this.registry.requireBasicAuth("CLOUDKEY", "cloud/secret");
		RideSerializer serializer = serializer(
				Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "CLOUDKEY:cloud/secret"));

		assertThat(serializer.serialize("rides", RIDE)[0]).isZero();
		assertThat(this.registry.requests()).extracting(FakeSchemaRegistry.Request::authorization)
			.containsExactly("Basic Q0xPVURLRVk6Y2xvdWQvc2VjcmV0");
	}

	@Test
	void sendsTheBasicAuthCredentialsOfTheUrl() {
		this.registry.requireBasicAuth("user", "p@ss");
		RideSerializer serializer = new RideSerializer();
		serializer.configure(Map.of("schema.registry.url", this.registry.url().replace("//", "//user:p%40ss@")), false);

		assertThat(serializer.serialize("rides", RIDE)[0]).isZero();
	}

	@Test
	void failsClearlyWhenTheRegistryRejectsTheCredentialsWithoutShowingThem() {
		this.registry.requireBasicAuth("CLOUDKEY", "right");
		RideSerializer serializer = serializer(
				Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "CLOUDKEY:wrong"));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> serializer.serialize("rides", RIDE))
			.withMessage("Schema registry at " + this.registry.url() + " rejected the credentials (401) while "
					+ "registering a JSON schema under subject rides-value: Unauthorized; check "
					+ "basic.auth.credentials.source and basic.auth.user.info");
	}

	@Test
	void failsClearlyWhenTheRegistryIsDown() throws Exception {
		String down = "http://127.0.0.1:" + closedPort();
		RideSerializer serializer = new RideSerializer();
		serializer.configure(Map.of("schema.registry.url", down, "max.retries", 0), false);

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> serializer.serialize("rides", RIDE))
			.withMessage("Schema registry at " + down + " is unreachable (Connection refused) while registering a "
					+ "JSON schema under subject rides-value");
	}

	@Test
	void triesTheNextUrlWhenTheFirstIsDown() throws Exception {
		RideSerializer serializer = new RideSerializer();
		serializer.configure(
				Map.of("schema.registry.url", "http://127.0.0.1:" + closedPort() + ", " + this.registry.url()), false);

		assertThat(serializer.serialize("rides", RIDE)[0]).isZero();
		assertThat(this.registry.count("POST", "/subjects/rides-value/versions")).isOne();
	}

	@Test
	void failsClearlyWhenTheSchemaIsIncompatible() {
		this.registry.rejectNextRegistrationWith(409, 409,
				"Schema being registered is incompatible with an earlier schema for subject \"rides-value\"");
		RideSerializer serializer = serializer(Map.of());

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> serializer.serialize("rides", RIDE))
			.withMessage("Schema registry at " + this.registry.url() + " says the schema is incompatible with the "
					+ "latest version of subject rides-value (409): Schema being registered is incompatible with an "
					+ "earlier schema for subject \"rides-value\"");
	}

	@Test
	void failsClearlyWhenTheSchemaIsInvalid() {
		this.registry.rejectNextRegistrationWith(422, 42201, "Invalid schema");
		RideSerializer serializer = serializer(Map.of());

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> serializer.serialize("rides", RIDE))
			.withMessage("Schema registry at " + this.registry.url() + " rejected an invalid schema (422) for subject "
					+ "rides-value: Invalid schema");
	}

	@Test
	void asksAgainAfterAFailureInsteadOfRememberingIt() {
		this.registry.rejectNextRegistrationWith(409, 409, "incompatible");
		RideSerializer serializer = serializer(Map.of());

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> serializer.serialize("rides", RIDE));
		assertThat(serializer.serialize("rides", RIDE)[0]).isZero();
		assertThat(this.registry.count("POST", "/subjects/rides-value/versions")).isEqualTo(2);
	}

	@Test
	void registersUnderTheSchemasTitleWithTheRecordNameStrategy() {
		RideSerializer serializer = serializer(
				Map.of("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"));

		serializer.serialize("rides", RIDE);
		serializer.serialize("rides-replayed", RIDE);

		assertThat(this.registry.requests()).extracting(FakeSchemaRegistry.Request::path)
			.containsExactly("/subjects/Ride/versions");
	}

	@Test
	void registersUnderTopicAndTitleWithTheTopicRecordNameStrategy() {
		RideSerializer serializer = serializer(Map.of("value.subject.name.strategy", "TopicRecordNameStrategy"));

		serializer.serialize("rides", RIDE);

		assertThat(this.registry.schemas("rides-Ride")).containsExactly(RideSchema.json());
	}

	@Test
	void validatesAgainstTheSchemasAWriterSchemaReferences() {
		String money = "{\"type\":\"number\",\"minimum\":-1000000,\"maximum\":1000000}";
		this.registry.register("money", money);
		String writer = RideSchema.json().replaceFirst("(\"total_amount\"\\s*:\\s*)\\{[^}]*\\}",
				"$1{\"\\$ref\":\"money.json\"}");
		assertThat(writer).as("the writer's schema refers to money.json").contains("money.json");
		int id = this.registry.register("rides-value", "JSON", writer,
				List.of(new FakeSchemaRegistry.Reference("money.json", "money", 1)));
		RideDeserializer deserializer = deserializer(Map.of());
		byte[] valid = frame(id, new String(new RideSerializer().serialize("rides", RIDE), StandardCharsets.UTF_8));
		byte[] tooExpensive = frame(id, new String(new RideSerializer().serialize("rides", RIDE), StandardCharsets.UTF_8)
			.replaceFirst("\"total_amount\":[-0-9.]+", "\"total_amount\":2000000"));

		assertThat(deserializer.deserialize("rides", valid)).isEqualTo(RIDE);
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> deserializer.deserialize("rides", tooExpensive))
			.withMessageContaining("total_amount");
	}

	private static byte[] frame(int id, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
	}

	private RideSerializer serializer(Map<String, Object> settings) {
		RideSerializer serializer = new RideSerializer();
		serializer.configure(withRegistry(settings), false);
		return serializer;
	}

	private RideDeserializer deserializer(Map<String, Object> settings) {
		RideDeserializer deserializer = new RideDeserializer();
		deserializer.configure(withRegistry(settings), false);
		return deserializer;
	}

	private Map<String, Object> withRegistry(Map<String, Object> settings) {
		Map<String, Object> configs = new HashMap<>(settings);
		configs.put("schema.registry.url", this.registry.url());
		return configs;
	}

	/** A port nothing listens on: it was free a moment ago. */
	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
