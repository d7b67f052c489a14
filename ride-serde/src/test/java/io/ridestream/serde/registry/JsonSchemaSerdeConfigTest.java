package io.ridestream.serde.registry;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.ridestream.serde.registry.JsonSchemaSerdeConfig.CredentialsSource;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonSchemaSerdeConfigTest {

	@Test
	void defaultsToPlainJsonThatIsValidated() {
		JsonSchemaSerdeConfig config = JsonSchemaSerdeConfig.from(Map.of("bootstrap.servers", "localhost:9092"));

		assertThat(config.usesRegistry()).isFalse();
		assertThat(config.failInvalidSchema()).isTrue();
		assertThat(config.autoRegisterSchemas()).isTrue();
		assertThat(config.useLatestVersion()).isFalse();
		assertThat(config.credentialsSource()).isEqualTo(CredentialsSource.URL);
	}

	@Test
	void readsConfluentsPropertyNames() {
		JsonSchemaSerdeConfig config = JsonSchemaSerdeConfig.from(Map.of(
				"schema.registry.url", "https://psrc-1234.europe-west3.gcp.confluent.cloud",
				"auto.register.schemas", "false",
				"use.latest.version", true,
				"basic.auth.credentials.source", "USER_INFO",
				"basic.auth.user.info", "KEY:SECRET",
				"json.fail.invalid.schema", "FALSE"));

		assertThat(config).isEqualTo(new JsonSchemaSerdeConfig(
				List.of(URI.create("https://psrc-1234.europe-west3.gcp.confluent.cloud")), false, true,
				CredentialsSource.USER_INFO, "KEY:SECRET", false));
	}

	@Test
	void readsSeveralUrlsSeparatedByCommasOrAsAList() {
		assertThat(JsonSchemaSerdeConfig.from(Map.of("schema.registry.url", "http://a:8081, http://b:8081"))
			.registryUrls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
		assertThat(JsonSchemaSerdeConfig.from(Map.of("schema.registry.url", List.of("http://a:8081", "http://b:8081")))
			.registryUrls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
	}

	@Test
	void treatsAnEmptyUrlAsNoRegistry() {
		assertThat(JsonSchemaSerdeConfig.from(Map.of("schema.registry.url", " ")).usesRegistry()).isFalse();
	}

	@Test
	void rejectsAUrlThatIsNotHttpWithoutShowingItsCredentials() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> JsonSchemaSerdeConfig.from(Map.of("schema.registry.url", "ftp://key:secret@registry:8081")))
			.withMessageContaining("schema.registry.url")
			.withMessageContaining("ftp://registry:8081")
			.withMessageNotContaining("secret");
	}

	@Test
	void sendsNoCredentialsWhenTheUserInfoIsEmpty() {
		JsonSchemaSerdeConfig config = JsonSchemaSerdeConfig.from(Map.of("schema.registry.url",
				"http://registry:8081", "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", " "));

		assertThat(config.userInfo()).isNull();
	}

	@Test
	void rejectsUserInfoThatIsNotKeyColonSecret() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> JsonSchemaSerdeConfig.from(Map.of("schema.registry.url", "http://registry:8081",
					"basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "just-a-key")))
			.withMessage("basic.auth.user.info must be key:secret when basic.auth.credentials.source is USER_INFO");
	}

	@Test
	void rejectsACredentialsSourceItDoesNotSupport() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> JsonSchemaSerdeConfig.from(Map.of("basic.auth.credentials.source", "SASL_INHERIT")))
			.withMessageContaining("basic.auth.credentials.source")
			.withMessageContaining("must be USER_INFO or URL");
	}

	@Test
	void rejectsAFlagThatIsNeitherTrueNorFalse() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> JsonSchemaSerdeConfig.from(Map.of("json.fail.invalid.schema", "yes")))
			.withMessageContaining("json.fail.invalid.schema")
			.withMessageContaining("must be true or false");
	}

	@Test
	void hidesCredentialsWhenPrinted() {
		JsonSchemaSerdeConfig config = JsonSchemaSerdeConfig.from(Map.of("schema.registry.url",
				"http://user:urlsecret@registry:8081", "basic.auth.credentials.source", "USER_INFO",
				"basic.auth.user.info", "KEY:infosecret"));

		assertThat(config.toString()).contains("http://registry:8081").doesNotContain("urlsecret", "infosecret");
	}

}
