package io.ridestream.serde.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of the serdes that use a schema registry (JSON Schema and Avro), read from the Kafka client
 * properties under the names Confluent's serializers use, so a Confluent Platform or Confluent Cloud configuration
 * works unchanged. Registry client settings ({@code max.retries}, {@code basic.auth.*}, {@code bearer.auth.*}) are
 * also read with the {@code schema.registry.} prefix, TLS settings only with it. A property of Confluent's serdes
 * that Ride Stream does not implement is logged as ignored, once, at start-up.
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
 * <tr><td>{@value #NORMALIZE_SCHEMAS}</td><td>false</td><td>Ask the registry to normalize the schema before it
 * registers or looks it up</td></tr>
 * <tr><td>{@value #VALUE_SUBJECT_NAME_STRATEGY}, {@value #KEY_SUBJECT_NAME_STRATEGY}</td><td>TopicNameStrategy</td>
 * <td>The subject: {@code <topic>-value}, the record name, or {@code <topic>-<record name>}</td></tr>
 * <tr><td>{@value #BASIC_AUTH_CREDENTIALS_SOURCE}</td><td>URL</td><td>{@code USER_INFO}: send
 * {@value #BASIC_AUTH_USER_INFO}; {@code URL}: send the user info of the URL, if it has one</td></tr>
 * <tr><td>{@value #BASIC_AUTH_USER_INFO}</td><td>none</td><td>{@code key:secret}, e.g. a Confluent Cloud API key
 * and secret</td></tr>
 * <tr><td>{@value #BEARER_AUTH_CREDENTIALS_SOURCE}</td><td>none</td><td>{@code STATIC_TOKEN}: send
 * {@value #BEARER_AUTH_TOKEN} (with {@value #BEARER_AUTH_LOGICAL_CLUSTER} and {@value #BEARER_AUTH_IDENTITY_POOL_ID}
 * when set)</td></tr>
 * <tr><td>{@code schema.registry.ssl.truststore|keystore.location|password|type}, {@code
 * schema.registry.ssl.key.password}</td><td>the JDK's</td><td>TLS trust and client certificate</td></tr>
 * <tr><td>{@value RetryPolicy#MAX_RETRIES}, {@value RetryPolicy#RETRIES_WAIT_MS}, {@value
 * RetryPolicy#RETRIES_MAX_WAIT_MS}</td><td>3, 1000, 20000</td><td>Retries after a connection failure, 5xx or
 * 429</td></tr>
 * <tr><td>{@value #FAIL_INVALID_SCHEMA}</td><td>true (Confluent: false)</td><td>Validate every ride against its
 * schema and reject it when it does not match</td></tr>
 * </table>
 *
 * @param registryUrls registry base URLs, empty when no registry is used
 * @param autoRegisterSchemas whether the serializer registers its schema
 * @param useLatestVersion whether the serializer uses the subject's latest schema (without auto-registration)
 * @param normalizeSchemas whether the registry is asked to normalize schemas
 * @param keySubjects the subject name strategy for keys
 * @param valueSubjects the subject name strategy for values
 * @param failInvalidSchema whether rides are validated against their schema
 * @param credentials what the client sends to identify itself
 * @param tls the TLS material for https registries
 * @param retries when the client tries again
 */
public record RegistrySerdeConfig(List<URI> registryUrls, boolean autoRegisterSchemas, boolean useLatestVersion,
		boolean normalizeSchemas, SubjectNameStrategy keySubjects, SubjectNameStrategy valueSubjects,
		boolean failInvalidSchema, RegistryCredentials credentials, RegistryTls tls, RetryPolicy retries) {

	private static final Logger logger = LoggerFactory.getLogger(RegistrySerdeConfig.class);

	public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

	public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

	public static final String USE_LATEST_VERSION = "use.latest.version";

	public static final String NORMALIZE_SCHEMAS = "normalize.schemas";

	public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

	public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

	public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

	public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

	public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";

	public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";

	public static final String BEARER_AUTH_LOGICAL_CLUSTER = "bearer.auth.logical.cluster";

	public static final String BEARER_AUTH_IDENTITY_POOL_ID = "bearer.auth.identity.pool.id";

	public static final String FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";

	/** The prefix of Confluent's registry client settings; Kafka's own {@code ssl.*} are not the registry's. */
	static final String CLIENT_PREFIX = "schema.registry.";

	private static final Set<String> CLIENT_SETTINGS = Set.of(BASIC_AUTH_CREDENTIALS_SOURCE, BASIC_AUTH_USER_INFO,
			BEARER_AUTH_CREDENTIALS_SOURCE, BEARER_AUTH_TOKEN, BEARER_AUTH_LOGICAL_CLUSTER, BEARER_AUTH_IDENTITY_POOL_ID,
			RetryPolicy.MAX_RETRIES, RetryPolicy.RETRIES_WAIT_MS, RetryPolicy.RETRIES_MAX_WAIT_MS);

	private static final Set<String> SSL_SETTINGS = Set.of("ssl.truststore.location", "ssl.truststore.password",
			"ssl.truststore.type", "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.type",
			"ssl.key.password");

	private static final Set<String> SERDE_SETTINGS = Set.of(SCHEMA_REGISTRY_URL, AUTO_REGISTER_SCHEMAS,
			USE_LATEST_VERSION, NORMALIZE_SCHEMAS, KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY,
			FAIL_INVALID_SCHEMA);

	/** Where Confluent's serde and registry client settings begin; no Kafka client setting begins so. */
	private static final List<String> CONFLUENT_PREFIXES = List.of(CLIENT_PREFIX, "basic.auth.", "bearer.auth.",
			"json.", "avro.", "specific.avro.", "auto.register.", "use.latest.", "use.schema.", "latest.", "normalize.",
			"id.compatibility.", "key.subject.", "value.subject.", "reference.subject.", "context.name.", "rule.",
			"max.retries", "retries.", "max.schemas.", "schema.reflection", "proxy.");

	/** Properties already reported as ignored, so that each is logged once, not by every serde instance. */
	private static final Set<String> reportedIgnored = ConcurrentHashMap.newKeySet();

	/** Where the registry's basic-auth credentials come from, as in Confluent's serde. */
	public enum CredentialsSource {

		/** The user info of the registry URL, {@code https://key:secret@host}; no credentials if it has none. */
		URL,

		/** The {@value RegistrySerdeConfig#BASIC_AUTH_USER_INFO} property. */
		USER_INFO

	}

	public RegistrySerdeConfig {
		registryUrls = List.copyOf(registryUrls);
	}

	/** Plain JSON, validated: what a serde uses until it is configured. */
	public static RegistrySerdeConfig defaults() {
		return from(Map.of());
	}

	/**
	 * Reads the settings from Kafka client properties; other Kafka properties are ignored, and Confluent serde
	 * properties that Ride Stream does not implement are logged as ignored.
	 * @throws ConfigException naming the property, when a value is not usable
	 */
	public static RegistrySerdeConfig from(Map<String, ?> configs) {
		ignored(configs).stream()
			.filter(reportedIgnored::add)
			.forEach((name) -> logger.warn("Ignoring {}: Ride Stream's schema registry serde does not implement it "
					+ "(see RegistrySerdeConfig for what it reads)", name));
		return new RegistrySerdeConfig(urls(configs.get(SCHEMA_REGISTRY_URL)),
				bool(configs, AUTO_REGISTER_SCHEMAS, true), bool(configs, USE_LATEST_VERSION, false),
				bool(configs, NORMALIZE_SCHEMAS, false),
				SubjectNameStrategy.from(KEY_SUBJECT_NAME_STRATEGY, configs.get(KEY_SUBJECT_NAME_STRATEGY)),
				SubjectNameStrategy.from(VALUE_SUBJECT_NAME_STRATEGY, configs.get(VALUE_SUBJECT_NAME_STRATEGY)),
				bool(configs, FAIL_INVALID_SCHEMA, true), credentials(configs), tls(configs), retries(configs));
	}

	/**
	 * The properties that look like Confluent serde or registry client settings but that this serde does not read,
	 * sorted.
	 */
	static List<String> ignored(Map<String, ?> configs) {
		return configs.keySet().stream().filter((name) -> {
			String unprefixed = name.startsWith(CLIENT_PREFIX) ? name.substring(CLIENT_PREFIX.length()) : null;
			boolean read = SERDE_SETTINGS.contains(name) || CLIENT_SETTINGS.contains(name)
					|| (unprefixed != null && (CLIENT_SETTINGS.contains(unprefixed) || SSL_SETTINGS.contains(unprefixed)));
			return !read && CONFLUENT_PREFIXES.stream().anyMatch(name::startsWith);
		}).sorted().toList();
	}

	/** Whether rides are framed with a registry's schema id; without a registry they are plain JSON. */
	public boolean usesRegistry() {
		return !this.registryUrls.isEmpty();
	}

	/** The subject name strategy for keys or values. */
	public SubjectNameStrategy subjects(boolean isKey) {
		return isKey ? this.keySubjects : this.valueSubjects;
	}

	/** The registry URLs without their user info, fit for logs. */
	public String registryUrlsWithoutCredentials() {
		return this.registryUrls.stream().map(SchemaRegistryClient::withoutUserInfo).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return "RegistrySerdeConfig[registryUrls=" + registryUrlsWithoutCredentials() + ", autoRegisterSchemas="
				+ this.autoRegisterSchemas + ", useLatestVersion=" + this.useLatestVersion + ", normalizeSchemas="
				+ this.normalizeSchemas + ", keySubjects=" + this.keySubjects + ", valueSubjects=" + this.valueSubjects
				+ ", failInvalidSchema=" + this.failInvalidSchema + ", credentials=" + this.credentials + ", tls="
				+ this.tls + ", retries=" + this.retries + "]";
	}

	private static RegistryCredentials credentials(Map<String, ?> configs) {
		String bearerSource = text(client(configs, BEARER_AUTH_CREDENTIALS_SOURCE));
		String basicSource = text(client(configs, BASIC_AUTH_CREDENTIALS_SOURCE));
		String userInfo = text(client(configs, BASIC_AUTH_USER_INFO));
		if (bearerSource != null) {
			if (basicSource != null || userInfo != null) {
				throw new ConfigException("Set either " + BASIC_AUTH_CREDENTIALS_SOURCE + " or "
						+ BEARER_AUTH_CREDENTIALS_SOURCE + " for the schema registry, not both");
			}
			return bearer(configs, bearerSource);
		}
		CredentialsSource source = credentialsSource(basicSource);
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
		return (source == CredentialsSource.USER_INFO) ? new RegistryCredentials.UserInfo(userInfo)
				: new RegistryCredentials.UrlUserInfo();
	}

	private static RegistryCredentials bearer(Map<String, ?> configs, String source) {
		if (!source.equalsIgnoreCase("STATIC_TOKEN")) {
			throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, source,
					"must be STATIC_TOKEN (OAUTHBEARER and SASL_OAUTHBEARER_INHERIT are not supported: fetch the "
							+ "token yourself and pass it as " + BEARER_AUTH_TOKEN + ")");
		}
		String token = text(client(configs, BEARER_AUTH_TOKEN));
		if (token == null) {
			throw new ConfigException(BEARER_AUTH_TOKEN + " must be set when " + BEARER_AUTH_CREDENTIALS_SOURCE
					+ " is STATIC_TOKEN");
		}
		return new RegistryCredentials.BearerToken(token, text(client(configs, BEARER_AUTH_LOGICAL_CLUSTER)),
				text(client(configs, BEARER_AUTH_IDENTITY_POOL_ID)));
	}

	private static RegistryTls tls(Map<String, ?> configs) {
		return new RegistryTls(store(configs, "truststore"), store(configs, "keystore"),
				text(configs.get(RegistryTls.PREFIX + "key.password")));
	}

	private static RegistryTls.Store store(Map<String, ?> configs, String kind) {
		String location = text(configs.get(RegistryTls.PREFIX + kind + ".location"));
		if (location == null) {
			return null;
		}
		return new RegistryTls.Store(Path.of(location), text(configs.get(RegistryTls.PREFIX + kind + ".password")),
				text(configs.get(RegistryTls.PREFIX + kind + ".type")));
	}

	private static RetryPolicy retries(Map<String, ?> configs) {
		RetryPolicy defaults = RetryPolicy.DEFAULT;
		int maxRetries = (int) number(configs, RetryPolicy.MAX_RETRIES, defaults.maxRetries(), 0, 100);
		long wait = number(configs, RetryPolicy.RETRIES_WAIT_MS, defaults.initialWait().toMillis(), 0, 600_000);
		long maxWait = number(configs, RetryPolicy.RETRIES_MAX_WAIT_MS, defaults.maxWait().toMillis(), 0, 600_000);
		return new RetryPolicy(maxRetries, Duration.ofMillis(Math.min(wait, maxWait)), Duration.ofMillis(maxWait));
	}

	/** A registry client setting, by its name or with the {@code schema.registry.} prefix. */
	private static Object client(Map<String, ?> configs, String name) {
		Object value = configs.get(name);
		return (value != null) ? value : configs.get(CLIENT_PREFIX + name);
	}

	private static long number(Map<String, ?> configs, String name, long defaultValue, long min, long max) {
		Object value = client(configs, name);
		if (value == null || value.toString().isBlank()) {
			return defaultValue;
		}
		try {
			long number = (value instanceof Number n) ? n.longValue() : Long.parseLong(value.toString().strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new ConfigException(name, value, "must be a whole number from " + min + " to " + max);
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

	private static CredentialsSource credentialsSource(String text) {
		if (text == null) {
			return CredentialsSource.URL;
		}
		try {
			return CredentialsSource.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, text,
					"must be USER_INFO or URL (SASL_INHERIT is not supported)");
		}
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf((value instanceof Password password) ? password.value() : value).strip();
		return text.isEmpty() ? null : text;
	}

}
