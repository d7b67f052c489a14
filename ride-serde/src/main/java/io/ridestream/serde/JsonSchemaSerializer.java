package io.ridestream.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.ridestream.serde.registry.RegistrySerdeConfig;
import io.ridestream.serde.registry.SchemaRegistryClient;
import io.ridestream.serde.registry.SchemaRegistryException;
import io.ridestream.serde.registry.SchemaType;
import io.ridestream.serde.registry.TypedSchema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import io.ridestream.model.Ride;

/**
 * Writes a ride as JSON in Confluent's JSON Schema wire format, readable by Confluent's
 * {@code KafkaJsonSchemaDeserializer}, ksqlDB and Kafka Connect: magic byte 0, the 4-byte big-endian schema id, then
 * the JSON of {@link RideJson}. {@link RideSerializer} is this for {@link Ride}.
 *
 * <p>Configured with Confluent's property names (see {@link RegistrySerdeConfig}). The subject is the topic
 * name plus {@code -value} (or {@code -key}), as Confluent's default {@code TopicNameStrategy}, or as another
 * subject name strategy names it (the record name of a JSON Schema is its {@code title}). The schema id
 * comes from the registry once per subject: the serializer registers its schema ({@code auto.register.schemas},
 * the default), or takes the subject's latest schema ({@code use.latest.version=true} with
 * {@code auto.register.schemas=false}), or else looks up the id of its schema, which must be registered. A ride is
 * never sent without a schema id: registry failures raise {@link SchemaRegistryException}.
 *
 * <p>Each ride is validated against the schema its id names and rejected with {@link InvalidRideException} when
 * it does not match, unless {@code json.fail.invalid.schema=false}. That is on by default here, whereas Confluent's
 * default is off, because a ride that does not match its schema should never reach the topic.
 *
 * <p>Without {@code schema.registry.url} (or without {@link #configure}) rides are written as plain JSON, with no
 * framing, and validated against the local schema all the same.
 *
 * @param <T> a ride type: {@link Ride}, or another version of it
 */
public class JsonSchemaSerializer<T> implements Serializer<T> {

	private static final Logger logger = LoggerFactory.getLogger(JsonSchemaSerializer.class);

	private final String schema;

	private final CompiledSchema compiledSchema;

	/** The schema's title: its record name for the subject name strategies. */
	private final String recordName;

	private final JsonFastPath<T> fastPath;

	/** The schema id and the schema it names, per subject: the registry is asked once per subject. */
	private final ConcurrentMap<String, WriterSchema> writerSchemas = new ConcurrentHashMap<>();

	private volatile RegistrySerdeConfig config = RegistrySerdeConfig.defaults();

	private volatile SchemaRegistryClient registry;

	private volatile boolean isKey;

	/**
	 * @param schema the JSON Schema of the ride type, registered under each subject this serializer writes to
	 * @throws IllegalArgumentException if the schema is not a usable JSON Schema
	 */
	public JsonSchemaSerializer(String schema) {
		this(schema, null);
	}

	/**
	 * A serializer with a fast path for the common values.
	 * @param schema the JSON Schema of the values
	 * @param fastPath writes values, and tells the values the schema accepts without validating their JSON
	 * (null: none); what it declines is written and validated as usual
	 */
	JsonSchemaSerializer(String schema, JsonFastPath<T> fastPath) {
		this.schema = schema;
		this.compiledSchema = CompiledSchema.of(schema);
		this.recordName = RideJson.MAPPER.readTree(schema).path("title").asString("JsonSchema");
		this.fastPath = fastPath;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(configs);
		this.isKey = isKey;
		this.config = config;
		this.registry = config.usesRegistry() ? new SchemaRegistryClient(config) : null;
		this.writerSchemas.clear();
		if (config.usesRegistry() && config.autoRegisterSchemas() && config.useLatestVersion()) {
			logger.warn("{}=true has no effect while {}=true, as with Confluent's serializer: the local schema is "
					+ "registered; set {}=false to use the subject's latest schema",
					RegistrySerdeConfig.USE_LATEST_VERSION, RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS,
					RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS);
		}
		if (config.usesRegistry()) {
			logger.info("Writing rides in the JSON Schema wire format with schema registry {}, subject {}, "
					+ "schema id {}; {}", config.registryUrlsWithoutCredentials(),
					config.subjects(isKey).describe(isKey, this.recordName),
					config.autoRegisterSchemas() ? "by registering the schema"
							: config.useLatestVersion() ? "of the latest version" : "of the schema as registered",
					validation(config));
		}
		else {
			logger.info("Writing rides as plain JSON ({} is not set); {}", RegistrySerdeConfig.SCHEMA_REGISTRY_URL,
					validation(config));
		}
	}

	@Override
	public byte[] serialize(String topic, T ride) {
		if (ride == null) {
			return null;
		}
		SchemaRegistryClient registry = this.registry;
		WriterSchema writer = (registry != null)
				? this.writerSchemas.computeIfAbsent(subject(topic), (subject) -> resolve(registry, subject)) : null;
		byte[] json;
		if (this.config.failInvalidSchema()) {
			CompiledSchema schema = (writer != null) ? writer.schema() : this.compiledSchema;
			json = accepted(schema, ride) ? write(ride) : validated(schema, ride);
		}
		else {
			json = write(ride);
		}
		return (writer != null) ? WireFormat.frame(writer.id(), json) : json;
	}

	private WriterSchema resolve(SchemaRegistryClient registry, String subject) {
		RegistrySerdeConfig config = this.config;
		if (config.autoRegisterSchemas()) {
			return new WriterSchema(registry.register(subject, TypedSchema.json(this.schema)), this.compiledSchema);
		}
		if (config.useLatestVersion()) {
			SchemaRegistryClient.RegisteredSchema latest = registry.latestVersion(subject);
			if (latest.schema().type() != SchemaType.JSON) {
				throw new SchemaRegistryException("The latest schema of subject " + subject + " (id " + latest.id()
						+ ") is " + latest.schema().type() + ", not a JSON Schema: rides written in JSON cannot use it");
			}
			try {
				return new WriterSchema(latest.id(), CompiledSchema.of(latest.schema().text()));
			}
			catch (IllegalArgumentException ex) {
				throw new SchemaRegistryException("The latest schema of subject " + subject + " (id " + latest.id()
						+ ") is not usable: " + ex.getMessage(), ex);
			}
		}
		return new WriterSchema(registry.lookUp(subject, TypedSchema.json(this.schema)), this.compiledSchema);
	}

	/** Whether the value is known valid without validating its JSON: only against the local schema. */
	private boolean accepted(CompiledSchema schema, T ride) {
		return schema == this.compiledSchema && this.fastPath != null && this.fastPath.acceptedBySchema(ride);
	}

	/** The ride's JSON, checked against the schema on the way: one tree serves both, nothing is parsed back. */
	private byte[] validated(CompiledSchema schema, T ride) {
		JsonNode tree;
		try {
			tree = RideJson.MAPPER.valueToTree(ride);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Cannot write " + ride.getClass().getSimpleName() + " as JSON: "
					+ ex.getOriginalMessage(), ex);
		}
		List<String> violations = schema.violations(tree);
		if (!violations.isEmpty()) {
			throw new InvalidRideException(violations);
		}
		return RideJson.MAPPER.writeValueAsBytes(tree);
	}

	private byte[] write(T ride) {
		byte[] json = (this.fastPath != null) ? this.fastPath.write(ride) : null;
		if (json != null) {
			return json;
		}
		try {
			return RideJson.MAPPER.writeValueAsBytes(ride);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Cannot write " + ride.getClass().getSimpleName() + " as JSON: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	static String validation(RegistrySerdeConfig config) {
		return config.failInvalidSchema() ? "rides are validated against the schema"
				: "rides are not validated (" + RegistrySerdeConfig.FAIL_INVALID_SCHEMA + "=false)";
	}

	private String subject(String topic) {
		return this.config.subjects(this.isKey).subject(topic, this.isKey, this.recordName);
	}

	private record WriterSchema(int id, CompiledSchema schema) {
	}

}
