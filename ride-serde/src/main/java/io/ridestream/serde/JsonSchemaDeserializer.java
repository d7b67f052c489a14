package io.ridestream.serde;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.ridestream.serde.registry.RegistrySerdeConfig;
import io.ridestream.serde.registry.SchemaRegistryClient;
import io.ridestream.serde.registry.SchemaRegistryException;
import io.ridestream.serde.registry.SchemaType;
import io.ridestream.serde.registry.TypedSchema;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import io.ridestream.model.Ride;

/**
 * Reads a ride written in Confluent's JSON Schema wire format (by {@link JsonSchemaSerializer}, Confluent's
 * {@code KafkaJsonSchemaSerializer}, ksqlDB or Kafka Connect), or as plain JSON. {@link RideDeserializer} is this
 * for {@link Ride}.
 *
 * <p>A framed message (magic byte 0, schema id, JSON) is validated against the schema it was written with, the
 * writer's schema, fetched from the registry once per id. So a consumer reads rides written with a newer schema
 * (extra fields are ignored) as well as with an older one (missing optional fields are null). A message without
 * the magic byte is plain JSON and is validated against the local schema, so the local default works without a
 * registry. A framed message read without a configured registry is validated against the local schema: lenient,
 * for reading a topic without access to its registry. A framed message whose id names an Avro schema is read by the
 * Avro reader it was made with ({@link RideDeserializer}'s reads rides in Avro), or refused if it has none.
 *
 * <p>A message that does not match its schema raises {@link InvalidRideException}, unless
 * {@code json.fail.invalid.schema=false} (on by default here; Confluent's default is off); one that is not a ride
 * at all raises {@link SerializationException}; registry failures raise {@link SchemaRegistryException}.
 * Configured with Confluent's property names, see {@link RegistrySerdeConfig}.
 *
 * @param <T> a ride type: {@link Ride}, or another version of it
 */
public class JsonSchemaDeserializer<T> implements Deserializer<T> {

	private static final Logger logger = LoggerFactory.getLogger(JsonSchemaDeserializer.class);

	private final Class<T> type;

	private final CompiledSchema localSchema;

	private final JsonFastPath<T> fastPath;

	private final ObjectReader strictReader;

	/** Reads messages whose schema id names an Avro schema; null: this deserializer reads JSON only. */
	private final AvroValueReader<T> avro;

	/** Writer schemas by id: the registry is asked once per id. */
	private final ConcurrentMap<Integer, WriterSchema> writerSchemas = new ConcurrentHashMap<>();

	private volatile RegistrySerdeConfig config = RegistrySerdeConfig.defaults();

	private volatile SchemaRegistryClient registry;

	private volatile boolean isKey;

	/**
	 * @param type the ride type to read
	 * @param schema its JSON Schema, for plain JSON messages and when no registry is configured
	 * @throws IllegalArgumentException if the schema is not a usable JSON Schema
	 */
	public JsonSchemaDeserializer(Class<T> type, String schema) {
		this(type, schema, null, null);
	}

	/**
	 * A deserializer with a fast path for the common messages.
	 * @param type the class to map values to
	 * @param schema its JSON Schema, for plain JSON messages and when no registry is configured
	 * @param fastPath reads values, and tells the values (read with strict types) that the schema accepts (null:
	 * none); a message that reads as such a value is not validated as a JSON tree, others are as usual
	 * @param avro reads the messages whose schema id names an Avro schema (null: none are read)
	 * @throws IllegalArgumentException if the schema is not a usable JSON Schema
	 */
	JsonSchemaDeserializer(Class<T> type, String schema, JsonFastPath<T> fastPath, AvroValueReader<T> avro) {
		this.type = type;
		this.avro = avro;
		this.localSchema = CompiledSchema.of(schema);
		this.fastPath = fastPath;
		this.strictReader = RideJson.STRICT_MAPPER.readerFor(type);
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(configs);
		this.isKey = isKey;
		this.config = config;
		this.registry = config.usesRegistry() ? new SchemaRegistryClient(config) : null;
		this.writerSchemas.clear();
		if (config.usesRegistry()) {
			logger.info("Reading rides in the JSON Schema wire format with schema registry {}, or as plain JSON; {}",
					config.registryUrlsWithoutCredentials(), JsonSchemaSerializer.validation(config));
		}
		else {
			logger.info("Reading rides as plain JSON ({} is not set); {}", RegistrySerdeConfig.SCHEMA_REGISTRY_URL,
					JsonSchemaSerializer.validation(config));
		}
	}

	@Override
	public T deserialize(String topic, byte[] message) {
		return (message != null) ? read(topic, message, 0, message.length) : null;
	}

	/** Reads the message where the consumer holds it, in the bytes of a fetch, without copying it out first. */
	@Override
	public T deserialize(String topic, Headers headers, ByteBuffer message) {
		if (message == null) {
			return null;
		}
		if (!message.hasArray()) {
			return deserialize(topic, headers, Utils.toArray(message));
		}
		return read(topic, message.array(), message.arrayOffset() + message.position(), message.remaining());
	}

	private T read(String topic, byte[] bytes, int start, int length) {
		CompiledSchema schema = this.localSchema;
		int offset = start;
		if (WireFormat.isFramed(bytes, start, length)) {
			if (length < WireFormat.HEADER_LENGTH) {
				throw new SerializationException("Not a valid ride: " + length
						+ " bytes, too short for the 5-byte header of a schema registry message");
			}
			offset = start + WireFormat.HEADER_LENGTH;
			SchemaRegistryClient registry = this.registry;
			if (registry != null) {
				String subject = topic + (this.isKey ? "-key" : "-value");
				WriterSchema writer = this.writerSchemas.computeIfAbsent(WireFormat.schemaId(bytes, start),
						(id) -> writerSchema(registry, id, subject));
				if (writer.avro() != null) {
					return this.avro.read(writer.avro(), bytes, offset, start + length - offset);
				}
				schema = writer.json();
			}
		}
		int end = start + length;
		boolean validating = this.config.failInvalidSchema();
		if (this.fastPath != null && (schema == this.localSchema || !validating)) {
			T value = readStrictly(bytes, offset, end);
			if (value != null && (!validating || this.fastPath.acceptedBySchema(value))) {
				return value;
			}
		}
		JsonNode json = parse(bytes, offset, end);
		if (validating) {
			List<String> violations = schema.violations(json);
			if (!violations.isEmpty()) {
				throw new InvalidRideException(violations);
			}
		}
		try {
			return RideJson.read(json, this.type);
		}
		catch (IllegalArgumentException ex) {
			throw new SerializationException(ex.getMessage(), ex);
		}
	}

	/** The value if the message reads with strict types, else null: it then takes the validating path. */
	private T readStrictly(byte[] message, int offset, int end) {
		T value = this.fastPath.read(message, offset, end - offset);
		if (value != null) {
			return value;
		}
		try {
			return this.strictReader.readValue(message, offset, end - offset);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The writer's schema: a JSON Schema, the local one itself if it is the same, so that its rides take the fast
	 * path; or an Avro schema, whose messages the Avro reader reads.
	 */
	private WriterSchema writerSchema(SchemaRegistryClient registry, int id, String subject) {
		TypedSchema schema = registry.schemaById(id, subject);
		if (schema.type() == SchemaType.AVRO) {
			if (this.avro == null) {
				throw new SchemaRegistryException("Schema id " + id + " of subject " + subject
						+ " is an Avro schema; this deserializer reads " + this.type.getSimpleName() + " in JSON only");
			}
			try {
				Schema.Parser parser = new Schema.Parser();
				schema.references().values().forEach(parser::parse);
				return new WriterSchema(null, parser.parse(schema.text()));
			}
			catch (SchemaParseException ex) {
				throw new SchemaRegistryException("Schema id " + id + " of subject " + subject
						+ " is not a usable Avro schema: " + ex.getMessage(), ex);
			}
		}
		try {
			CompiledSchema writer = CompiledSchema.of(schema.text(), schema.references());
			return new WriterSchema(writer.sameAs(this.localSchema) ? this.localSchema : writer, null);
		}
		catch (IllegalArgumentException ex) {
			throw new SchemaRegistryException("Schema id " + id + " of subject " + subject + " is not usable: "
					+ ex.getMessage(), ex);
		}
	}

	/** What a schema id names: a JSON Schema, or an Avro schema. */
	private record WriterSchema(CompiledSchema json, Schema avro) {
	}

	private static JsonNode parse(byte[] message, int offset, int end) {
		JsonNode json;
		try {
			json = RideJson.MAPPER.readTree(message, offset, end - offset);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Not a valid ride: not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (json == null || json.isMissingNode()) {
			throw new SerializationException("Not a valid ride: the message is empty");
		}
		return json;
	}

}
