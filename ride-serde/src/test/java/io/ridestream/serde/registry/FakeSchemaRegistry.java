package io.ridestream.serde.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A schema registry for tests that speaks the REST protocol of Confluent's Schema Registry over real HTTP, on a
 * free port of 127.0.0.1: the same paths, JSON bodies, media type and error shape
 * ({@code {"error_code":40401,"message":"Subject 'rides-value' not found."}}).
 *
 * <p>Supported: {@code POST /subjects/{subject}/versions} (register; the same schema gets the same id, globally),
 * {@code POST /subjects/{subject}} (look up), {@code GET /subjects/{subject}/versions/latest},
 * {@code GET /schemas/ids/{id}}, {@code GET /subjects}, {@code PUT /config} and {@code PUT /config/{subject}},
 * {@code POST /compatibility/subjects/{subject}/versions/latest}. A schema registered over HTTP must be compatible
 * with the subject's latest version (all versions for the TRANSITIVE levels) under the subject's compatibility level,
 * BACKWARD by default as in Confluent's registry, by Confluent's rules ({@link JsonSchemaCompatibility}; for Avro,
 * Avro's own resolution rules, {@link AvroCompatibility}), and of the same type; otherwise it
 * is refused with 409 as a real registry refuses it. {@link #register} registers without the check, as an
 * administrator's tool would, also with references ({@code GET /subjects/{subject}/versions/{version}} reads
 * them). {@code ?normalize=true} compares schemas by their normalized form (Avro's parsing canonical form, JSON
 * with its keys sorted). {@link #rejectNextRegistrationWith} answers the next registration with any error,
 * {@link #failNext} answers the next requests with a 5xx or 429 as an overloaded registry does. It can require
 * credentials (basic or bearer; 401 without them), refuse registrations to an account allowed only to read (403),
 * serve https ({@link #startTls}), and records every request so that tests can count the calls.
 *
 * <p>Other modules use it from ride-serde's test jar ({@code <type>test-jar</type>}, scope test).
 */
public final class FakeSchemaRegistry implements AutoCloseable {

	private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final int MAX_REQUEST_BYTES = 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<Integer, Registered> schemasById = new LinkedHashMap<>();

	private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();

	private final Map<String, String> compatibilityBySubject = new LinkedHashMap<>();

	private String compatibility = "BACKWARD";

	private int nextId = 1;

	private String requiredAuthorization;

	private Rejection nextRejection;

	private int failuresLeft;

	private Rejection failure;

	private String failureRetryAfter;

	private boolean readOnly;

	private FakeSchemaRegistry(InetSocketAddress address) {
		this(create(address, null, false));
	}

	private FakeSchemaRegistry(HttpServer server) {
		this.server = server;
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** Starts a registry on a free port; schema ids start at 1. */
	public static FakeSchemaRegistry start() {
		return new FakeSchemaRegistry(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
	}

	/**
	 * Starts a registry that serves https on a free port, with the key and certificate of this context; with
	 * {@code needClientAuth}, it refuses clients without a certificate the context trusts.
	 */
	public static FakeSchemaRegistry startTls(SSLContext context, boolean needClientAuth) {
		return new FakeSchemaRegistry(
				create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), context, needClientAuth));
	}

	private static HttpServer create(InetSocketAddress address, SSLContext tls, boolean needClientAuth) {
		try {
			if (tls == null) {
				return HttpServer.create(address, 0);
			}
			HttpsServer server = HttpsServer.create(address, 0);
			server.setHttpsConfigurator(new HttpsConfigurator(tls) {
				@Override
				public void configure(HttpsParameters parameters) {
					SSLParameters ssl = tls.getDefaultSSLParameters();
					ssl.setNeedClientAuth(needClientAuth);
					parameters.setSSLParameters(ssl);
				}
			});
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Serves on every interface, port {@code args[0]} (8081 by default), until the process ends: the stand-in for
	 * Confluent's registry in the project's container test ({@code compose.podman.yaml}), whose image cannot be
	 * pulled there.
	 */
	public static void main(String[] args) {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 8081;
		new FakeSchemaRegistry(new InetSocketAddress(port));
		System.out.println("Test schema registry listening on port " + port);
	}

	/** The base URL, e.g. {@code http://127.0.0.1:40123}, to use as {@code schema.registry.url}. */
	public String url() {
		return ((this.server instanceof HttpsServer) ? "https" : "http") + "://"
				+ ((this.server instanceof HttpsServer) ? "localhost" : "127.0.0.1") + ":"
				+ this.server.getAddress().getPort();
	}

	/** The id the next new schema gets, e.g. a large one to see its four bytes on the wire. */
	public synchronized FakeSchemaRegistry withNextId(int id) {
		this.nextId = id;
		return this;
	}

	/** Registers a JSON Schema under a subject as an administrator would, without HTTP. */
	public int register(String subject, String schema) {
		return register(subject, "JSON", schema);
	}

	/** Registers a schema of any type (JSON, AVRO, PROTOBUF) under a subject, without HTTP. */
	public synchronized int register(String subject, String schemaType, String schema) {
		return register(subject, new Registered(schemaType, schema, List.of()));
	}

	/**
	 * Registers a schema that references others, each {@code name} (as the schema names it) of a {@code subject}
	 * and {@code version} registered before, without HTTP.
	 */
	public synchronized int register(String subject, String schemaType, String schema, List<Reference> references) {
		return register(subject, new Registered(schemaType, schema, List.copyOf(references)));
	}

	private int register(String subject, Registered registered) {
		int id = this.schemasById.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(registered))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseGet(() -> {
				int newId = this.nextId++;
				this.schemasById.put(newId, registered);
				return newId;
			});
		List<Integer> versions = this.versionsBySubject.computeIfAbsent(subject, (key) -> new ArrayList<>());
		if (!versions.contains(id)) {
			versions.add(id);
		}
		return id;
	}

	/** Sets a subject's compatibility level (BACKWARD, FORWARD, FULL, their _TRANSITIVE forms, or NONE). */
	public synchronized void setCompatibility(String subject, String level) {
		this.compatibilityBySubject.put(subject, level);
	}

	/** The schemas registered under a subject, oldest first. */
	public synchronized List<String> schemas(String subject) {
		return this.versionsBySubject.getOrDefault(subject, List.of())
			.stream()
			.map((id) -> this.schemasById.get(id).schema())
			.toList();
	}

	/** From now on, answer 401 to requests without these basic-auth credentials. */
	public synchronized void requireBasicAuth(String user, String password) {
		this.requiredAuthorization = "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** From now on, answer 401 to requests without this bearer token. */
	public synchronized void requireBearerToken(String token) {
		this.requiredAuthorization = "Bearer " + token;
	}

	/** From now on, answer registrations with 403, as to an account allowed only to read. */
	public synchronized void allowReadingOnly() {
		this.readOnly = true;
	}

	/**
	 * Answers the next requests with this status (5xx or 429), as a registry that is restarting or overloaded does.
	 * @param retryAfter the {@code Retry-After} header to send with them, or null
	 */
	public synchronized void failNext(int requests, int status, String retryAfter) {
		this.failuresLeft = requests;
		this.failure = new Rejection(status, status * 100 + 1, (status == 429) ? "Too Many Requests"
				: "Error while forwarding the request to the leader");
		this.failureRetryAfter = retryAfter;
	}

	/** Answers the next registration with this error, as a registry does for an incompatible or invalid schema. */
	public synchronized void rejectNextRegistrationWith(int status, int errorCode, String message) {
		this.nextRejection = new Rejection(status, errorCode, message);
	}

	/** Every request received so far, in order. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** How many requests had this method and path, e.g. {@code count("POST", "/subjects/rides-value/versions")}. */
	public long count(String method, String path) {
		return this.requests.stream().filter((request) -> request.method().equals(method) && request.path().equals(path)).count();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			String query = exchange.getRequestURI().getRawQuery();
			this.requests.add(new Request(exchange.getRequestMethod(), path, authorization, query,
					Map.copyOf(exchange.getRequestHeaders())));
			byte[] body = readBody(exchange.getRequestBody());
			Answer answer;
			String retryAfter = null;
			synchronized (this) {
				if (this.failuresLeft > 0) {
					this.failuresLeft--;
					answer = error(this.failure.status(), this.failure.errorCode(), this.failure.message());
					retryAfter = this.failureRetryAfter;
				}
				else if (this.requiredAuthorization != null && !this.requiredAuthorization.equals(authorization)) {
					answer = error(401, 40101, "Unauthorized");
				}
				else if (this.readOnly && exchange.getRequestMethod().equals("POST") && path.endsWith("/versions")) {
					List<String> segments = segments(path);
					answer = error(403, 40301, "User is denied operation Write on Subject: "
							+ ((segments.size() > 1) ? segments.get(1) : path));
				}
				else {
					answer = answer(exchange.getRequestMethod(), segments(path), body,
							"normalize=true".equals(query));
				}
			}
			byte[] json = JSON.writeValueAsBytes(answer.body());
			if (retryAfter != null) {
				exchange.getResponseHeaders().set("Retry-After", retryAfter);
			}
			exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
			exchange.sendResponseHeaders(answer.status(), json.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(json);
			}
		}
	}

	private Answer answer(String method, List<String> path, byte[] body, boolean normalize) {
		if (method.equals("PUT") && path.size() <= 2 && !path.isEmpty() && path.get(0).equals("config")) {
			return configAnswer((path.size() == 2) ? path.get(1) : null, body);
		}
		if (method.equals("POST") && path.size() == 5 && path.get(0).equals("compatibility")
				&& path.get(1).equals("subjects") && path.get(3).equals("versions")) {
			return compatibilityAnswer(path.get(2), body);
		}
		if (method.equals("GET") && path.equals(List.of("subjects"))) {
			return new Answer(200, JSON.valueToTree(this.versionsBySubject.keySet()));
		}
		if (method.equals("POST") && path.size() == 3 && path.get(0).equals("subjects") && path.get(2).equals("versions")) {
			return registerAnswer(path.get(1), body, normalize);
		}
		if (method.equals("POST") && path.size() == 2 && path.get(0).equals("subjects")) {
			return lookUpAnswer(path.get(1), body, normalize);
		}
		if (method.equals("GET") && path.size() == 4 && path.get(0).equals("subjects") && path.get(2).equals("versions")
				&& path.get(3).matches("[0-9]{1,9}")) {
			return versionAnswer(path.get(1), Integer.parseInt(path.get(3)));
		}
		if (method.equals("GET") && path.size() == 4 && path.get(0).equals("subjects") && path.get(2).equals("versions")
				&& path.get(3).equals("latest")) {
			return latestAnswer(path.get(1));
		}
		if (method.equals("GET") && path.size() == 3 && path.get(0).equals("schemas") && path.get(1).equals("ids")) {
			return byIdAnswer(path.get(2));
		}
		return error(404, 404, "HTTP 404 Not Found");
	}

	private Answer registerAnswer(String subject, byte[] body, boolean normalize) {
		if (this.nextRejection != null) {
			Rejection rejection = this.nextRejection;
			this.nextRejection = null;
			return error(rejection.status(), rejection.errorCode(), rejection.message());
		}
		Registered schema = parseSchema(body);
		if (schema == null || (schema.type().equals("AVRO") && !isAvro(schema.schema()))) {
			return error(422, 42201, "Either the input schema or one of its references is invalid");
		}
		Integer normalizedId = normalize ? normalizedMatch(this.schemasById.keySet(), schema) : null;
		if (normalizedId != null) {
			Registered registered = this.schemasById.get(normalizedId);
			ObjectNode answer = JSON.createObjectNode();
			answer.put("id", register(subject, registered.type(), registered.schema()));
			return new Answer(200, answer);
		}
		List<String> incompatibilities = incompatibilities(subject, schema);
		if (!incompatibilities.isEmpty()) {
			return error(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
					+ subject + "\", details: " + incompatibilities + ", {compatibility: '" + compatibilityOf(subject)
					+ "'}]");
		}
		ObjectNode answer = JSON.createObjectNode();
		answer.put("id", register(subject, schema.type(), schema.schema()));
		return new Answer(200, answer);
	}

	private Answer compatibilityAnswer(String subject, byte[] body) {
		Registered schema = parseSchema(body);
		if (schema == null) {
			return error(422, 42201, "Either the input schema or one of its references is invalid");
		}
		List<String> incompatibilities = incompatibilities(subject, schema);
		ObjectNode answer = JSON.createObjectNode();
		answer.put("is_compatible", incompatibilities.isEmpty());
		answer.set("messages", JSON.valueToTree(incompatibilities));
		return new Answer(200, answer);
	}

	private Answer configAnswer(String subject, byte[] body) {
		String level = JSON.readTree(body).path("compatibility").asString("");
		if (!List.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL",
				"FULL_TRANSITIVE").contains(level)) {
			return error(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward and full");
		}
		if (subject == null) {
			this.compatibility = level;
		}
		else {
			this.compatibilityBySubject.put(subject, level);
		}
		ObjectNode answer = JSON.createObjectNode();
		answer.put("compatibility", level);
		return new Answer(200, answer);
	}

	private String compatibilityOf(String subject) {
		return this.compatibilityBySubject.getOrDefault(subject, this.compatibility);
	}

	/** Why a schema may not be the subject's next version, in the words of Confluent's registry. */
	private List<String> incompatibilities(String subject, Registered schema) {
		String level = compatibilityOf(subject);
		List<Integer> versions = this.versionsBySubject.getOrDefault(subject, List.of());
		if (level.equals("NONE") || versions.isEmpty()
				|| versions.stream().anyMatch((id) -> this.schemasById.get(id).equals(schema))) {
			return List.of(); // as Confluent's registry, which answers an already registered schema with its id
		}
		List<Integer> checked = level.endsWith("_TRANSITIVE") ? versions : List.of(versions.get(versions.size() - 1));
		List<String> messages = new ArrayList<>();
		for (int id : checked) {
			Registered earlier = this.schemasById.get(id);
			if (earlier.equals(schema)) {
				continue;
			}
			if (!earlier.type().equals(schema.type())) {
				// As Confluent's registry: a schema of another type is never compatible.
				messages.add("{errorType:'TYPE_MISMATCH', description:'" + schema.type() + " schema after a "
						+ earlier.type() + " schema', oldSchemaVersion: " + (versions.indexOf(id) + 1) + "}");
			}
			else if (schema.type().equals("JSON")) {
				JsonSchemaCompatibility.incompatibilities(level, earlier.schema(), schema.schema())
					.forEach((difference) -> messages.add("{errorType:'" + difference.type() + "', jsonPath:'"
							+ difference.path() + "', oldSchemaVersion: " + (versions.indexOf(id) + 1) + "}"));
			}
			else if (schema.type().equals("AVRO")) {
				AvroCompatibility.incompatibilities(level, earlier.schema(), schema.schema())
					.forEach((message) -> messages.add(message.substring(0, message.length() - 1)
							+ ", oldSchemaVersion: " + (versions.indexOf(id) + 1) + "}"));
			}
		}
		return messages;
	}

	private Answer lookUpAnswer(String subject, byte[] body, boolean normalize) {
		List<Integer> versions = this.versionsBySubject.get(subject);
		if (versions == null) {
			return error(404, 40401, "Subject '" + subject + "' not found.");
		}
		Registered schema = parseSchema(body);
		Integer normalizedId = (normalize && schema != null) ? normalizedMatch(versions, schema) : null;
		for (int i = 0; i < versions.size(); i++) {
			if (this.schemasById.get(versions.get(i)).equals(schema) || versions.get(i).equals(normalizedId)) {
				return new Answer(200, version(subject, i + 1, versions.get(i)));
			}
		}
		return error(404, 40403, "Schema not found");
	}

	private Answer versionAnswer(String subject, int version) {
		List<Integer> versions = this.versionsBySubject.get(subject);
		if (versions == null) {
			return error(404, 40401, "Subject '" + subject + "' not found.");
		}
		if (version < 1 || version > versions.size()) {
			return error(404, 40402, "Version " + version + " not found.");
		}
		return new Answer(200, version(subject, version, versions.get(version - 1)));
	}

	/** The id of a schema among these that has the same normalized form as this one, or null. */
	private Integer normalizedMatch(java.util.Collection<Integer> ids, Registered schema) {
		String normalized = normalized(schema);
		return ids.stream()
			.filter((id) -> this.schemasById.get(id).type().equals(schema.type())
					&& normalized.equals(normalized(this.schemasById.get(id))))
			.findFirst()
			.orElse(null);
	}

	private static String normalized(Registered schema) {
		try {
			if (schema.type().equals("AVRO")) {
				return SchemaNormalization.toParsingForm(new Schema.Parser().parse(schema.schema()));
			}
			return sorted(JSON.readTree(schema.schema())).toString();
		}
		catch (SchemaParseException | JacksonException ex) {
			return schema.schema();
		}
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			ObjectNode sorted = JSON.createObjectNode();
			node.propertyNames().stream().sorted().forEach((name) -> sorted.set(name, sorted(node.get(name))));
			return sorted;
		}
		if (node.isArray()) {
			var array = JSON.createArrayNode();
			node.forEach((item) -> array.add(sorted(item)));
			return array;
		}
		return node;
	}

	private Answer latestAnswer(String subject) {
		List<Integer> versions = this.versionsBySubject.get(subject);
		if (versions == null || versions.isEmpty()) {
			return error(404, 40401, "Subject '" + subject + "' not found.");
		}
		return new Answer(200, version(subject, versions.size(), versions.get(versions.size() - 1)));
	}

	private Answer byIdAnswer(String idText) {
		Registered schema;
		try {
			schema = this.schemasById.get(Integer.valueOf(idText));
		}
		catch (NumberFormatException ex) {
			schema = null;
		}
		if (schema == null) {
			return error(404, 40403, "Schema " + idText + " not found");
		}
		ObjectNode answer = JSON.createObjectNode();
		if (!schema.type().equals("AVRO")) {
			answer.put("schemaType", schema.type());
		}
		answer.put("schema", schema.schema());
		putReferences(answer, schema);
		return new Answer(200, answer);
	}

	private static void putReferences(ObjectNode answer, Registered schema) {
		if (!schema.references().isEmpty()) {
			answer.set("references", JSON.valueToTree(schema.references()));
		}
	}

	private ObjectNode version(String subject, int version, int id) {
		Registered schema = this.schemasById.get(id);
		ObjectNode answer = JSON.createObjectNode();
		answer.put("subject", subject);
		answer.put("version", version);
		answer.put("id", id);
		if (!schema.type().equals("AVRO")) {
			answer.put("schemaType", schema.type());
		}
		answer.put("schema", schema.schema());
		putReferences(answer, schema);
		return answer;
	}

	/** The schema of a request body, AVRO when it names no type as with Confluent's registry; null if unreadable. */
	private static Registered parseSchema(byte[] body) {
		try {
			JsonNode json = JSON.readTree(body);
			String schema = json.path("schema").asString(null);
			return (schema != null) ? new Registered(json.path("schemaType").asString("AVRO"), schema, List.of()) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean isAvro(String schema) {
		try {
			new Schema.Parser().parse(schema);
			return true;
		}
		catch (SchemaParseException ex) {
			return false;
		}
	}

	private static Answer error(int status, int errorCode, String message) {
		ObjectNode body = JSON.createObjectNode();
		body.put("error_code", errorCode);
		body.put("message", message);
		return new Answer(status, body);
	}

	private static List<String> segments(String rawPath) {
		List<String> segments = new ArrayList<>();
		for (String segment : rawPath.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
			}
		}
		return segments;
	}

	private static byte[] readBody(InputStream body) throws IOException {
		try (body) {
			return body.readNBytes(MAX_REQUEST_BYTES);
		}
	}

	/**
	 * A request as received.
	 * @param method the HTTP method
	 * @param path the raw path, e.g. {@code /subjects/rides-value/versions}
	 * @param authorization the {@code Authorization} header, or null
	 */
	public record Request(String method, String path, String authorization, String query,
			Map<String, List<String>> headers) {

		/** The first value of a request header, or null. */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * A schema's reference to another, as the registry's REST API spells it.
	 * @param name the name the referencing schema uses: an Avro type's full name, a JSON Schema {@code $ref}
	 * @param subject the subject the referenced schema is registered under
	 * @param version its version there
	 */
	public record Reference(String name, String subject, int version) {
	}

	private record Registered(String type, String schema, List<Reference> references) {
	}

	private record Rejection(int status, int errorCode, String message) {
	}

	private record Answer(int status, JsonNode body) {
	}

}
