package io.ridestream.serde.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks the REST protocol of a Confluent Schema Registry, for JSON Schemas and Avro schemas: register, look up,
 * latest version, schema by id. Every failure is a {@link SchemaRegistryException} that names the registry, the subject and the
 * cause. With several URLs, each is tried in order until one answers. Thread-safe; it caches nothing (the serdes
 * do, one call per schema).
 */
public final class SchemaRegistryClient {

	static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	/** Far more than any schema needs; a registry (or something else on its port) cannot exhaust memory. */
	static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(CONNECT_TIMEOUT)
		.build();

	private static final JsonMapper JSON = JsonMapper.shared();

	private final List<Registry> registries;

	public SchemaRegistryClient(JsonSchemaSerdeConfig config) {
		if (!config.usesRegistry()) {
			throw new IllegalArgumentException(JsonSchemaSerdeConfig.SCHEMA_REGISTRY_URL + " is not set");
		}
		this.registries = config.registryUrls().stream().map((url) -> Registry.of(url, config)).toList();
	}

	/**
	 * Registers a schema under a subject, or finds it registered already: {@code POST
	 * /subjects/{subject}/versions}.
	 * @return the schema's id
	 */
	public int register(String subject, TypedSchema schema) {
		String action = "registering " + schema.type().article() + " schema under subject " + subject;
		Answer answer = call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema), action);
		switch (answer.status()) {
			case 200:
				return answer.id(action);
			case 409:
				throw new SchemaRegistryException(answer.registry()
						+ " says the schema is incompatible with the latest version of subject " + subject + " (409): "
						+ answer.message());
			case 422:
				throw new SchemaRegistryException(answer.registry() + " rejected an invalid schema (422) for subject "
						+ subject + ": " + answer.message());
			default:
				throw answer.failure(action);
		}
	}

	/**
	 * Finds the id of a schema registered under a subject, without registering it: {@code POST
	 * /subjects/{subject}}.
	 * @return the schema's id
	 */
	public int lookUp(String subject, TypedSchema schema) {
		String action = "looking up the schema's id under subject " + subject;
		Answer answer = call("POST", "/subjects/" + encode(subject), schemaBody(schema), action);
		if (answer.status() == 200) {
			return answer.id(action);
		}
		if (answer.status() == 404 && answer.errorCode() == 40403) {
			throw new SchemaRegistryException(answer.registry() + ": the schema is not registered under subject "
					+ subject + "; register it, set " + JsonSchemaSerdeConfig.AUTO_REGISTER_SCHEMAS + "=true, or set "
					+ JsonSchemaSerdeConfig.USE_LATEST_VERSION + "=true");
		}
		if (answer.status() == 404) {
			throw noSchema(answer, subject);
		}
		throw answer.failure(action);
	}

	/** The latest schema registered under a subject: {@code GET /subjects/{subject}/versions/latest}. */
	public RegisteredSchema latestVersion(String subject) {
		String action = "fetching the latest schema of subject " + subject;
		Answer answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null, action);
		if (answer.status() == 404) {
			throw noSchema(answer, subject);
		}
		if (answer.status() != 200) {
			throw answer.failure(action);
		}
		return new RegisteredSchema(answer.id(action), answer.body().path("version").asInt(0),
				answer.schema(action));
	}

	/**
	 * The schema with an id, as read from a record of a subject: {@code GET /schemas/ids/{id}}.
	 * @throws SchemaRegistryException also when the id names a schema of a type Ride Stream does not read
	 * (Protobuf)
	 */
	public TypedSchema schemaById(int id, String subject) {
		String action = "fetching schema id " + id + " for a record of subject " + subject;
		Answer answer = call("GET", "/schemas/ids/" + id, null, action);
		if (answer.status() == 404) {
			throw new SchemaRegistryException(answer.registry() + " has no schema with id " + id
					+ " (read from a record of subject " + subject + ")");
		}
		if (answer.status() != 200) {
			throw answer.failure(action);
		}
		return answer.schema(action);
	}

	/** A registry URL fit for messages and logs: without the user info that may hold credentials. */
	static String withoutUserInfo(Object url) {
		String text = String.valueOf(url);
		int scheme = text.indexOf("://");
		int at = text.indexOf('@', Math.max(scheme, 0));
		int slash = text.indexOf('/', scheme + 3);
		if (scheme < 0 || at < 0 || (slash >= 0 && at > slash)) {
			return text;
		}
		return text.substring(0, scheme + 3) + text.substring(at + 1);
	}

	private Answer call(String method, String path, String body, String action) {
		List<String> failures = new ArrayList<>();
		IOException lastFailure = null;
		for (Registry registry : this.registries) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + path))
				.timeout(REQUEST_TIMEOUT)
				.header("Accept", MEDIA_TYPE)
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", MEDIA_TYPE);
			}
			if (registry.authorization() != null) {
				request.header("Authorization", registry.authorization());
			}
			try {
				HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
				return Answer.of(registry.baseUrl(), response.statusCode(), readBody(response));
			}
			catch (IOException ex) {
				failures.add(reason(ex));
				lastFailure = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SchemaRegistryException("Interrupted while " + action + " at schema registry "
						+ registry.baseUrl(), ex);
			}
		}
		String urls = this.registries.stream().map(Registry::baseUrl).collect(Collectors.joining(", "));
		throw new SchemaRegistryException("Schema registry at " + urls + " is unreachable ("
				+ String.join(", ", failures) + ") while " + action, lastFailure);
	}

	private static String readBody(HttpResponse<InputStream> response) throws IOException {
		try (InputStream body = response.body()) {
			byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
			if (bytes.length > MAX_RESPONSE_BYTES) {
				throw new IOException("answer longer than " + MAX_RESPONSE_BYTES + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private static SchemaRegistryException noSchema(Answer answer, String subject) {
		return new SchemaRegistryException(answer.registry() + ": subject " + subject
				+ " has no schema registered; register one or set " + JsonSchemaSerdeConfig.AUTO_REGISTER_SCHEMAS
				+ "=true");
	}

	/** A registration's body; Avro is the registry's default type, and Confluent's serializer names no type for it. */
	private static String schemaBody(TypedSchema schema) {
		ObjectNode body = JSON.createObjectNode();
		if (schema.type() != SchemaType.AVRO) {
			body.put("schemaType", schema.type().name());
		}
		body.put("schema", schema.text());
		return JSON.writeValueAsString(body);
	}

	private static String encode(String subject) {
		return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The most telling message in a chain of causes. The JDK's HTTP client leaves them empty for the common cases:
	 * an unknown host, and a refused connection (a {@code ConnectException} caused by a closed channel).
	 */
	private static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnresolvedAddressException) {
				return "unknown host";
			}
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				return cause.getMessage();
			}
		}
		return (failure instanceof ConnectException) ? "Connection refused" : failure.getClass().getSimpleName();
	}

	/**
	 * A schema as registered under a subject.
	 * @param id the schema's id, global to the registry
	 * @param version the schema's version within the subject
	 * @param schema the schema and its type
	 */
	public record RegisteredSchema(int id, int version, TypedSchema schema) {
	}

	private record Registry(String baseUrl, String authorization) {

		static Registry of(URI url, JsonSchemaSerdeConfig config) {
			String baseUrl = withoutUserInfo(url);
			if (baseUrl.endsWith("/")) {
				baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
			}
			String userInfo = switch (config.credentialsSource()) {
				case USER_INFO -> config.userInfo();
				case URL -> (url.getRawUserInfo() != null) ? URLDecoder.decode(url.getRawUserInfo(), StandardCharsets.UTF_8) : null;
			};
			String authorization = (userInfo != null)
					? "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)) : null;
			return new Registry(baseUrl, authorization);
		}

	}

	/** What a registry answered; {@code body} is its JSON, or a missing node when the answer was not JSON. */
	private record Answer(String url, int status, String text, JsonNode body) {

		static Answer of(String url, int status, String text) {
			JsonNode body;
			try {
				body = JSON.readTree(text);
			}
			catch (JacksonException ex) {
				body = JSON.missingNode();
			}
			return new Answer(url, status, text, (body != null) ? body : JSON.missingNode());
		}

		String registry() {
			return "Schema registry at " + this.url;
		}

		int errorCode() {
			return this.body.path("error_code").asInt(0);
		}

		/** The registry's own explanation: the {@code message} of its error body, or the start of the answer. */
		String message() {
			String message = this.body.path("message").asString(null);
			if (message != null) {
				return message;
			}
			String text = this.text.strip().replaceAll("\\s+", " ");
			return text.isEmpty() ? "(no message)" : (text.length() <= 200) ? text : text.substring(0, 197) + "...";
		}

		int id(String action) {
			JsonNode id = this.body.path("id");
			if (!id.canConvertToInt()) {
				throw new SchemaRegistryException(registry() + " answered without a schema id while " + action + ": "
						+ message());
			}
			return id.asInt();
		}

		/** The schema answered, of the type it names; Avro when it names none, as Confluent's registry answers. */
		TypedSchema schema(String action) {
			String type = this.body.path("schemaType").asString("AVRO");
			String schema = this.body.path("schema").asString(null);
			SchemaType known = SchemaType.named(type);
			if (known == null) {
				throw new SchemaRegistryException(registry() + " holds a " + type
						+ " schema, which Ride Stream does not read (JSON Schema and Avro only), while " + action);
			}
			if (schema == null) {
				throw new SchemaRegistryException(registry() + " answered without a schema while " + action);
			}
			return new TypedSchema(known, schema);
		}

		SchemaRegistryException failure(String action) {
			if (this.status == 401 || this.status == 403) {
				return new SchemaRegistryException(registry() + " rejected the credentials (" + this.status + ") while "
						+ action + ": " + message() + "; check " + JsonSchemaSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE
						+ " and " + JsonSchemaSerdeConfig.BASIC_AUTH_USER_INFO);
			}
			return new SchemaRegistryException(registry() + " answered " + this.status + " while " + action + ": "
					+ message());
		}

	}

}
