package io.ridestream.serde.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegistrySerdeConfigTest {

	@Test
	void defaultsToPlainJsonThatIsValidated() {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(Map.of("bootstrap.servers", "localhost:9092"));

		assertThat(config.usesRegistry()).isFalse();
		assertThat(config.failInvalidSchema()).isTrue();
		assertThat(config.autoRegisterSchemas()).isTrue();
		assertThat(config.useLatestVersion()).isFalse();
		assertThat(config.credentials()).isEqualTo(new RegistryCredentials.UrlUserInfo());
		assertThat(config.retries()).isEqualTo(RetryPolicy.DEFAULT);
		assertThat(config.subjects(false)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
		assertThat(config.normalizeSchemas()).isFalse();
		assertThat(config.tls().configured()).isFalse();
	}

	@Test
	void readsConfluentsPropertyNames() {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(Map.of(
				"schema.registry.url", "https://psrc-1234.europe-west3.gcp.confluent.cloud",
				"auto.register.schemas", "false",
				"use.latest.version", true,
				"basic.auth.credentials.source", "USER_INFO",
				"basic.auth.user.info", "KEY:SECRET",
				"json.fail.invalid.schema", "FALSE",
				"normalize.schemas", "true",
				"value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
				"key.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy",
				"max.retries", "5"));

		assertThat(config).isEqualTo(new RegistrySerdeConfig(
				List.of(URI.create("https://psrc-1234.europe-west3.gcp.confluent.cloud")), false, true, true,
				SubjectNameStrategy.RECORD_NAME, SubjectNameStrategy.TOPIC_RECORD_NAME, false,
				new RegistryCredentials.UserInfo("KEY:SECRET"), RegistryTls.NONE,
				new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(20))));
	}

	@Test
	void readsRegistryClientSettingsAlsoWithTheSchemaRegistryPrefix() {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(Map.of("schema.registry.url", "http://registry:8081",
				"schema.registry.basic.auth.credentials.source", "USER_INFO",
				"schema.registry.basic.auth.user.info", "KEY:SECRET", "schema.registry.max.retries", 0,
				"schema.registry.retries.wait.ms", "10", "schema.registry.retries.max.wait.ms", "50"));

		assertThat(config.credentials()).isEqualTo(new RegistryCredentials.UserInfo("KEY:SECRET"));
		assertThat(config.retries()).isEqualTo(new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(50)));
	}

	@Test
	void readsTheRegistrysTrustAndKeyStores() {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(Map.of("schema.registry.url", "https://registry:8081",
				"schema.registry.ssl.truststore.location", "/etc/ridestream/registry-ca.pem",
				"schema.registry.ssl.truststore.type", "pem",
				"schema.registry.ssl.keystore.location", "/etc/ridestream/client.p12",
				"schema.registry.ssl.keystore.password", new Password("store-secret"),
				"schema.registry.ssl.keystore.type", "PKCS12", "ssl.truststore.location", "/kafka/only.jks"));

		assertThat(config.tls()).isEqualTo(new RegistryTls(
				new RegistryTls.Store(Path.of("/etc/ridestream/registry-ca.pem"), null, "PEM"),
				new RegistryTls.Store(Path.of("/etc/ridestream/client.p12"), "store-secret", "PKCS12"), null));
		assertThat(config.toString()).doesNotContain("store-secret");
	}

	@Test
	void readsAStaticBearerTokenWithConfluentCloudsHeaders() {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(Map.of("schema.registry.url", "https://registry:8081",
				"bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "eyJ-token",
				"bearer.auth.logical.cluster", "lsrc-123", "bearer.auth.identity.pool.id", "pool-1"));

		assertThat(config.credentials().headers(URI.create("https://registry:8081"))).containsExactlyInAnyOrderEntriesOf(
				Map.of("Authorization", "Bearer eyJ-token", "target-sr-cluster", "lsrc-123",
						"Confluent-Identity-Pool-Id", "pool-1"));
		assertThat(config.toString()).doesNotContain("eyJ-token");
	}

	@Test
	void rejectsBearerSourcesOtherThanAStaticToken() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistrySerdeConfig.from(Map.of("bearer.auth.credentials.source", "OAUTHBEARER")))
			.withMessageContaining("must be STATIC_TOKEN");
	}

	@Test
	void rejectsBasicAndBearerCredentialsTogether() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistrySerdeConfig.from(Map.of("bearer.auth.credentials.source", "STATIC_TOKEN",
					"bearer.auth.token", "t", "basic.auth.credentials.source", "USER_INFO")))
			.withMessageContaining("not both");
	}

	@Test
	void readsSubjectNameStrategiesByTheirSimpleNamesToo() {
		assertThat(RegistrySerdeConfig.from(Map.of("value.subject.name.strategy", "RecordNameStrategy"))
			.subjects(false)).isEqualTo(SubjectNameStrategy.RECORD_NAME);
	}

	@Test
	void rejectsASubjectNameStrategyItDoesNotKnow() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistrySerdeConfig.from(Map.of("value.subject.name.strategy", "com.example.MyStrategy")))
			.withMessageContaining("value.subject.name.strategy")
			.withMessageContaining("TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
	}

	@Test
	void rejectsARetryCountThatIsNotAWholeNumber() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistrySerdeConfig.from(Map.of("max.retries", "three")))
			.withMessageContaining("max.retries")
			.withMessageContaining("must be a whole number from 0 to 100");
	}

	@Test
	void namesTheConfluentSettingsItDoesNotImplementAndNoOthers() {
		Map<String, Object> configs = new HashMap<>();
		configs.put("bootstrap.servers", "localhost:9092");
		configs.put("ssl.truststore.location", "/kafka.jks");
		configs.put("schema.registry.url", "http://registry:8081");
		configs.put("basic.auth.user.info", "KEY:SECRET");
		configs.put("schema.registry.ssl.truststore.location", "/registry.jks");
		configs.put("use.schema.id", "7");
		configs.put("avro.use.logical.type.converters", "true");
		configs.put("schema.registry.proxy.host", "proxy");
		configs.put("bearer.auth.issuer.endpoint.url", "https://idp");

		assertThat(RegistrySerdeConfig.ignored(configs)).containsExactly("avro.use.logical.type.converters",
				"bearer.auth.issuer.endpoint.url", "schema.registry.proxy.host", "use.schema.id");
	}

	@Test
	void readsSeveralUrlsSeparatedByCommasOrAsAList() {
		assertThat(RegistrySerdeConfig.from(Map.of("schema.registry.url", "http://a:8081, http://b:8081"))
			.registryUrls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
		assertThat(RegistrySerdeConfig.from(Map.of("schema.registry.url", List.of("http://a:8081", "http://b:8081")))
			.registryUrls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
	}

	@Test
	void treatsAnEmptyUrlAsNoRegistry() {
		assertThat(RegistrySerdeConfig.from(Map.of("schema.registry.url", " ")).usesRegistry()).isFalse();
	}

	@Test
	void rejectsAUrlThatIsNotHttpWithoutShowingItsCredentials() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistrySerdeConfig.from(Map.of("schema.registry.url", "ftp://key:secret@registry:8081")))
			.withMessageContaining("schema.registry.url")
			.withMessageContaining("ftp://registry:8081")
			.withMessageNotContaining("secret");
	}

	@Test
	void sendsNoCredentialsWhenTheUserInfoIsEmpty() {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(Map.of("schema.registry.url",
				"http://registry:8081", "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", " "));

		assertThat(config.credentials()).isEqualTo(new RegistryCredentials.UserInfo(null));
		assertThat(config.credentials().headers(URI.create("http://registry:8081"))).isEmpty();
	}

	@Test
	void rejectsUserInfoThatIsNotKeyColonSecret() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistrySerdeConfig.from(Map.of("schema.registry.url", "http://registry:8081",
					"basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "just-a-key")))
			.withMessage("basic.auth.user.info must be key:secret when basic.auth.credentials.source is USER_INFO");
	}

	@Test
	void rejectsACredentialsSourceItDoesNotSupport() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistrySerdeConfig.from(Map.of("basic.auth.credentials.source", "SASL_INHERIT")))
			.withMessageContaining("basic.auth.credentials.source")
			.withMessageContaining("must be USER_INFO or URL");
	}

	@Test
	void rejectsAFlagThatIsNeitherTrueNorFalse() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistrySerdeConfig.from(Map.of("json.fail.invalid.schema", "yes")))
			.withMessageContaining("json.fail.invalid.schema")
			.withMessageContaining("must be true or false");
	}

	@Test
	void hidesCredentialsWhenPrinted() {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(Map.of("schema.registry.url",
				"http://user:urlsecret@registry:8081", "basic.auth.credentials.source", "USER_INFO",
				"basic.auth.user.info", "KEY:infosecret"));

		assertThat(config.toString()).contains("http://registry:8081").doesNotContain("urlsecret", "infosecret");
	}

}
