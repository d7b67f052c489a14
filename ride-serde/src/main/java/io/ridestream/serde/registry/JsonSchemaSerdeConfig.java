package io.ridestream.serde.registry;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of the JSON Schema serde, read from the Kafka client properties under the names Confluent's
 * {@code KafkaJsonSchemaSerializer} uses, so a Confluent Platform or Confluent Cloud configuration works unchanged.
 *
 * <table>
 * <caption>Properties</caption>
 * <tr><th>Property</th><th>Default</th><th>Meaning</th></tr>
 * <tr><td>{@value #SCHEMA_REGISTRY_URL}</td><td>none</td><td>Registry base URL, or a comma-separated list tried
 * in order; none means plain JSON without framing</td></tr>
 * <tr><td>{@value #AUTO_REGISTER_SCHEMAS}</td><td>true</td><td>Serializer: register the local schema under the
 * subject and use its id</td></tr>
 * <tr><td>{@value #USE_LATEST_VERSION}</td><td>false</td><td>Serializer, only when auto-registration is off:
 * use the subject's latest schema; when both are off, the id of the local schema, which must be registered</td></tr>
 * <tr><td>{@value #BASIC_AUTH_CREDENTIALS_SOURCE}</td><td>URL</td><td>{@code USER_INFO}: send
 * {@value #BASIC_AUTH_USER_INFO}; {@code URL}: send the user info of the URL, if it has one</td></tr>
 * <tr><td>{@value #BASIC_AUTH_USER_INFO}</td><td>none</td><td>{@code key:secret}, e.g. a Confluent Cloud API key
 * and secret</td></tr>
 * <tr><td>{@value #FAIL_INVALID_SCHEMA}</td><td>true (Confluent: false)</td><td>Validate every ride against its
 * schema and reject it when it does not match</td></tr>
 * </table>
 *
 * @param registryUrls registry base URLs, empty when no registry is used
 * @param autoRegisterSchemas whether the serializer registers its schema
 * @param useLatestVersion whether the serializer uses the subject's latest schema (without auto-registration)
 * @param credentialsSource where the registry credentials come from
 * @param userInfo {@code user:password} when the credentials source is {@code USER_INFO}, else null
 * @param failInvalidSchema whether rides are validated against their schema
 */
public record JsonSchemaSerdeConfig(List<URI> registryUrls, boolean autoRegisterSchemas, boolean useLatestVersion,
		CredentialsSource credentialsSource, String userInfo, boolean failInvalidSchema) {

	private static final Logger logger = LoggerFactory.getLogger(JsonSchemaSerdeConfig.class);

	public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

	public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

	public static final String USE_LATEST_VERSION = "use.latest.version";

	public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

	public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

	public static final String FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";

	/** Where the registry's basic-auth credentials come from, as in Confluent's serde. */
	public enum CredentialsSource {

		/** The user info of the registry URL, {@code https://key:secret@host}; no credentials if it has none. */
		URL,

		/** The {@value JsonSchemaSerdeConfig#BASIC_AUTH_USER_INFO} property. */
		USER_INFO

	}

	public JsonSchemaSerdeConfig {
		registryUrls = List.copyOf(registryUrls);
	}

	/** Plain JSON, validated: what a serde uses until it is configured. */
	public static JsonSchemaSerdeConfig defaults() {
		return from(Map.of());
	}

	/**
	 * Reads the settings from Kafka client properties; other properties are ignored.
	 * @throws ConfigException naming the property, when a value is not usable
	 */
	public static JsonSchemaSerdeConfig from(Map<String, ?> configs) {
		CredentialsSource source = credentialsSource(configs.get(BASIC_AUTH_CREDENTIALS_SOURCE));
		String userInfo = text(configs.get(BASIC_AUTH_USER_INFO));
		// Unlike Confluent's serde, USER_INFO without user info means no credentials, so that one configuration
		// serves a local registry and, given SCHEMA_REGISTRY_USER_INFO, Confluent Cloud.
		if (source == CredentialsSource.USER_INFO && userInfo != null && !userInfo.contains(":")) {
			throw new ConfigException(BASIC_AUTH_USER_INFO + " must be key:secret when "
					+ BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO");
		}
		if (source == CredentialsSource.URL && userInfo != null) {
			logger.warn("{} is set but not sent to the schema registry, because {} is URL (the default): "
					+ "set it to USER_INFO", BASIC_AUTH_USER_INFO, BASIC_AUTH_CREDENTIALS_SOURCE);
		}
		return new JsonSchemaSerdeConfig(urls(configs.get(SCHEMA_REGISTRY_URL)),
				bool(configs, AUTO_REGISTER_SCHEMAS, true), bool(configs, USE_LATEST_VERSION, false), source,
				(source == CredentialsSource.USER_INFO) ? userInfo : null, bool(configs, FAIL_INVALID_SCHEMA, true));
	}

	/** Whether rides are framed with a registry's schema id; without a registry they are plain JSON. */
	public boolean usesRegistry() {
		return !this.registryUrls.isEmpty();
	}

	/** The registry URLs without their user info, fit for logs. */
	public String registryUrlsWithoutCredentials() {
		return this.registryUrls.stream().map(SchemaRegistryClient::withoutUserInfo).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return "JsonSchemaSerdeConfig[registryUrls=" + registryUrlsWithoutCredentials()
				+ ", autoRegisterSchemas=" + this.autoRegisterSchemas + ", useLatestVersion=" + this.useLatestVersion
				+ ", credentialsSource=" + this.credentialsSource + ", userInfo=" + ((this.userInfo != null) ? "[hidden]" : null)
				+ ", failInvalidSchema=" + this.failInvalidSchema + "]";
	}

	private static List<URI> urls(Object value) {
		List<String> texts = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach((item) -> texts.addAll(Arrays.asList(String.valueOf(item).split(","))));
		}
		else if (value != null) {
			texts.addAll(Arrays.asList(value.toString().split(",")));
		}
		List<URI> urls = new ArrayList<>();
		for (String text : texts) {
			if (!text.isBlank()) {
				urls.add(url(text.strip()));
			}
		}
		return urls;
	}

	private static URI url(String text) {
		try {
			URI url = URI.create(text);
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
				return url;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new ConfigException(SCHEMA_REGISTRY_URL, SchemaRegistryClient.withoutUserInfo(text),
				"must be an http or https URL like http://localhost:8081, or a comma-separated list of them");
	}

	private static boolean bool(Map<String, ?> configs, String name, boolean defaultValue) {
		Object value = configs.get(name);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = value.toString().strip();
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(text);
		}
		throw new ConfigException(name, value, "must be true or false");
	}

	private static CredentialsSource credentialsSource(Object value) {
		String text = text(value);
		if (text == null) {
			return CredentialsSource.URL;
		}
		try {
			return CredentialsSource.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, value,
					"must be USER_INFO or URL (SASL_INHERIT is not supported)");
		}
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf((value instanceof Password password)
				? password.value() : value).strip();
		return text.isEmpty() ? null : text;
	}

}
