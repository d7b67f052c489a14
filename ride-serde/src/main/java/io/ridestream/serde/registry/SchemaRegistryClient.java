package io.ridestream.serde.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.net.ssl.SSLException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks the REST protocol of a Confluent Schema Registry, for JSON Schemas and Avro schemas: register, look up,
 * latest version, schema by id with the schemas it references. Every failure is a {@link SchemaRegistryException}
 * that names the registry, the subject and the cause. With several URLs, each is tried in order until one answers;
 * a failure that may pass (unreachable, 5xx, 429) is tried again by the {@link RetryPolicy}, any other answer is
 * final. After such a failure it fails at once, without asking, for {@code retries.wait.ms}: a consumer reading a
 * batch of records whose schema it has not cached yet asks once, not once a record, while the registry is down.
 * Thread-safe; it caches no schema (the serdes do, one call per schema).
 */
public final class SchemaRegistryClient {

	static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	/** Far more than any schema needs; a registry (or something else on its port) cannot exhaust memory. */
	static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

	/** How deep references may nest: deeper is taken for a cycle. */
	static final int MAX_REFERENCE_DEPTH = 32;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final List<Registry> registries;

	private final HttpClient http;

	private final RetryPolicy retries;

	private final RegistryCredentials credentials;

	private final String normalize;

	/** The last failure of the registry itself, and until when calls fail with it without asking. */
	private volatile SchemaRegistryException recentFailure;

	private volatile long failFastUntil;

	public SchemaRegistryClient(RegistrySerdeConfig config) {
		if (!config.usesRegistry()) {
			throw new IllegalArgumentException(RegistrySerdeConfig.SCHEMA_REGISTRY_URL + " is not set");
		}
		this.credentials = config.credentials();
		this.registries = config.registryUrls().stream().map((url) -> Registry.of(url, this.credentials)).toList();
		this.retries = config.retries();
		this.normalize = config.normalizeSchemas() ? "?normalize=true" : "";
		HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT);
		if (config.tls().configured()) {
			http.sslContext(config.tls().sslContext());
		}
		this.http = http.build();
	}

	/**
	 * Registers a schema under a subject, or finds it registered already: {@code POST
	 * /subjects/{subject}/versions}.
	 * @return the schema's id
	 */
	public int register(String subject, TypedSchema schema) {
		return guarded(() -> registerOnce(subject, schema));
	}

	private int registerOnce(String subject, TypedSchema schema) {
		String action = "registering " + schema.type().article() + " schema under subject " + subject;
		Answer answer = call("POST", "/subjects/" + encode(subject) + "/versions" + this.normalize, schemaBody(schema),
				action);
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
		return guarded(() -> lookUpOnce(subject, schema));
	}

	private int lookUpOnce(String subject, TypedSchema schema) {
		String action = "looking up the schema's id under subject " + subject;
		Answer answer = call("POST", "/subjects/" + encode(subject) + this.normalize, schemaBody(schema), action);
		if (answer.status() == 200) {
			return answer.id(action);
		}
		if (answer.status() == 404 && answer.errorCode() == 40403) {
			throw new SchemaRegistryException(answer.registry() + ": the schema is not registered under subject "
					+ subject + "; register it, set " + RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS + "=true, or set "
					+ RegistrySerdeConfig.USE_LATEST_VERSION + "=true");
		}
		if (answer.status() == 404) {
			throw noSchema(answer, subject);
		}
		throw answer.failure(action);
	}

	/** The latest schema registered under a subject: {@code GET /subjects/{subject}/versions/latest}. */
	public RegisteredSchema latestVersion(String subject) {
		return guarded(() -> latestVersionOnce(subject));
	}

	private RegisteredSchema latestVersionOnce(String subject) {
		String action = "fetching the latest schema of subject " + subject;
		Answer answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null, action);
		if (answer.status() == 404) {
			throw noSchema(answer, subject);
		}
		if (answer.status() != 200) {
			throw answer.failure(action);
		}
		return new RegisteredSchema(answer.id(action), answer.body().path("version").asInt(0),
				withReferences(answer, action, 0));
	}

	/**
	 * The schema with an id, as read from a record of a subject: {@code GET /schemas/ids/{id}}.
	 * @throws SchemaRegistryException also when the id names a schema of a type Ride Stream does not read
	 * (Protobuf)
	 */
	public TypedSchema schemaById(int id, String subject) {
		return guarded(() -> schemaByIdOnce(id, subject));
	}

	private TypedSchema schemaByIdOnce(int id, String subject) {
		String action = "fetching schema id " + id + " for a record of subject " + subject;
		Answer answer = call("GET", "/schemas/ids/" + id, null, action);
		if (answer.status() == 404) {
			throw new SchemaRegistryException(answer.registry() + " has no schema with id " + id
					+ " (read from a record of subject " + subject + ")");
		}
		if (answer.status() != 200) {
			throw answer.failure(action);
		}
		return withReferences(answer, action, 0);
	}

	/**
	 * Makes the request unless the registry failed within the last {@code retries.wait.ms}, in which case it fails
	 * at once with that failure.
	 */
	private <T> T guarded(Supplier<T> request) {
		SchemaRegistryException recent = this.recentFailure;
		if (recent != null && System.nanoTime() - this.failFastUntil < 0) {
			throw SchemaRegistryException.unavailable(recent.getMessage() + " (not asked again for "
					+ this.retries.initialWait().toMillis() + " ms after a failure)", recent);
		}
		try {
			return request.get();
		}
		catch (SchemaRegistryException ex) {
			if (ex.registryUnavailable()) {
				this.failFastUntil = System.nanoTime() + this.retries.initialWait().toNanos();
				this.recentFailure = ex;
			}
			throw ex;
		}
	}

	/** The schema answered, with the schemas it references read from their subjects, recursively. */
	private TypedSchema withReferences(Answer answer, String action, int depth) {
		TypedSchema schema = answer.schema(action);
		JsonNode references = answer.body().path("references");
		if (!references.isArray() || references.isEmpty()) {
			return schema;
		}
		if (depth >= MAX_REFERENCE_DEPTH) {
			throw new SchemaRegistryException(answer.registry() + ": schema references nest deeper than "
					+ MAX_REFERENCE_DEPTH + " (a cycle?) while " + action);
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (JsonNode reference : references) {
			String name = reference.path("name").asString(null);
			String subject = reference.path("subject").asString(null);
			JsonNode version = reference.path("version");
			if (name == null || subject == null || !version.canConvertToInt()) {
				throw new SchemaRegistryException(answer.registry() + " answered a reference without a name, subject "
						+ "and version while " + action + ": " + reference);
			}
			String referenceAction = "fetching " + name + ", referenced as version " + version.asInt()
					+ " of subject " + subject + ", while " + action;
			Answer referenced = call("GET", "/subjects/" + encode(subject) + "/versions/" + version.asInt(), null,
					referenceAction);
			if (referenced.status() != 200) {
				throw referenced.failure(referenceAction);
			}
			TypedSchema resolved = withReferences(referenced, referenceAction, depth + 1);
			resolved.references().forEach(texts::putIfAbsent);
			texts.putIfAbsent(name, resolved.text());
		}
		return new TypedSchema(schema.type(), schema.text(), texts);
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

	/**
	 * Sends a request to each registry URL in turn until one answers finally, and tries all again after a wait
	 * while the failure may pass.
	 */
	private Answer call(String method, String path, String body, String action) {
		for (int retry = 0;; retry++) {
			Attempt attempt = attempt(method, path, body, action);
			boolean mayPass = attempt.answer() == null || attempt.answer().mayPass();
			if (!mayPass) {
				return attempt.answer();
			}
			if (retry >= this.retries.maxRetries()) {
				String tries = (retry == 0) ? "" : " (" + (retry + 1) + " tries)";
				if (attempt.answer() != null) {
					return attempt.answer().after(tries);
				}
				throw SchemaRegistryException.unavailable("Schema registry at " + urls() + " is unreachable ("
						+ String.join(", ", attempt.failures()) + ") while " + action + tries, attempt.lastFailure());
			}
			Duration retryAfter = (attempt.answer() != null) ? attempt.answer().retryAfter() : null;
			try {
				Thread.sleep(this.retries.waitBefore(retry + 1, retryAfter).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw SchemaRegistryException.unavailable("Interrupted while " + action + " at schema registry " + urls(),
						ex);
			}
		}
	}

	/** One request to each URL in turn: the first answer that is final, else the last that may pass, or none. */
	private Attempt attempt(String method, String path, String body, String action) {
		List<String> failures = new ArrayList<>();
		IOException lastFailure = null;
		Answer passing = null;
		for (Registry registry : this.registries) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + path))
				.timeout(REQUEST_TIMEOUT)
				.header("Accept", MEDIA_TYPE)
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", MEDIA_TYPE);
			}
			registry.headers().forEach(request::header);
			try {
				HttpResponse<InputStream> response = this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofInputStream());
				Answer answer = Answer.of(registry.baseUrl(), response.statusCode(), readBody(response),
						response.headers().firstValue("Retry-After").orElse(null), this.credentials);
				if (!answer.mayPass()) {
					return new Attempt(answer, failures, lastFailure);
				}
				passing = answer;
			}
			catch (SSLException ex) {
				throw SchemaRegistryException.unavailable("Schema registry at " + registry.baseUrl() + ": TLS failed ("
						+ reason(ex) + ") while " + action + "; to trust its certificate set "
						+ RegistryTls.PREFIX + "truststore.location (and .password, .type), and for a client "
						+ "certificate " + RegistryTls.PREFIX + "keystore.location", ex);
			}
			catch (IOException ex) {
				failures.add(reason(ex));
				lastFailure = ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw SchemaRegistryException.unavailable("Interrupted while " + action + " at schema registry "
						+ registry.baseUrl(), ex);
			}
		}
		return new Attempt(passing, failures, lastFailure);
	}

	private String urls() {
		return this.registries.stream().map(Registry::baseUrl).collect(Collectors.joining(", "));
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
				+ " has no schema registered; register one or set " + RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS
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

	private record Registry(String baseUrl, Map<String, String> headers) {

		static Registry of(URI url, RegistryCredentials credentials) {
			String baseUrl = withoutUserInfo(url);
			if (baseUrl.endsWith("/")) {
				baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
			}
			return new Registry(baseUrl, credentials.headers(url));
		}

	}

	/** What one round over the URLs gave: an answer (final, or the last that may pass), and why others failed. */
	private record Attempt(Answer answer, List<String> failures, IOException lastFailure) {
	}

	/** What a registry answered; {@code body} is its JSON, or a missing node when the answer was not JSON. */
	private record Answer(String url, int status, String text, JsonNode body, String retryAfterHeader,
			RegistryCredentials credentials, String tries) {

		static Answer of(String url, int status, String text, String retryAfter, RegistryCredentials credentials) {
			JsonNode body;
			try {
				body = JSON.readTree(text);
			}
			catch (JacksonException ex) {
				body = JSON.missingNode();
			}
			return new Answer(url, status, text, (body != null) ? body : JSON.missingNode(), retryAfter, credentials, "");
		}

		/** Whether asking again may get another answer: the registry failed (5xx) or asks to slow down (429). */
		boolean mayPass() {
			return this.status >= 500 || this.status == 429;
		}

		/** The same answer, its failure message saying how often it was asked. */
		Answer after(String tries) {
			return new Answer(this.url, this.status, this.text, this.body, this.retryAfterHeader, this.credentials,
					tries);
		}

		/** The wait a 429 or 503 asks for in seconds ({@code Retry-After}), or null. */
		Duration retryAfter() {
			if (this.retryAfterHeader == null) {
				return null;
			}
			try {
				return Duration.ofSeconds(Long.parseLong(this.retryAfterHeader.strip()));
			}
			catch (NumberFormatException ex) {
				return null; // an HTTP date: back off as usual
			}
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
			if (this.status == 401) {
				return SchemaRegistryException.unavailable(registry() + " rejected the credentials (401) while " + action
						+ ": " + message() + "; check " + this.credentials.settings(), null);
			}
			if (this.status == 403) {
				return SchemaRegistryException.unavailable(registry() + " refused the request (403) while " + action
						+ ": " + message() + "; the credentials were accepted but lack the permission (in Confluent "
						+ "Cloud, a role binding on the subject)", null);
			}
			String failure = registry() + " answered " + this.status + " while " + action + this.tries + ": " + message();
			return mayPass() ? SchemaRegistryException.unavailable(failure, null) : new SchemaRegistryException(failure);
		}

	}

}
