package io.ridestream.serde.avro;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.ridestream.model.Ride;
import io.ridestream.serde.RideValidation;
import io.ridestream.serde.WireFormat;
import io.ridestream.serde.registry.RegistrySerdeConfig;
import io.ridestream.serde.registry.SchemaRegistryClient;
import io.ridestream.serde.registry.SchemaRegistryException;
import io.ridestream.serde.registry.SchemaType;
import io.ridestream.serde.registry.TypedSchema;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a ride in Confluent's Avro wire format, readable by Confluent's {@code KafkaAvroDeserializer}, ksqlDB
 * ({@code VALUE_FORMAT='AVRO'}), Spark's {@code from_avro} and Flink's {@code avro-confluent} format: magic byte 0,
 * the 4-byte big-endian schema id, then the ride as Avro binary in {@link RideAvroSchema}.
 *
 * <p>Configured with Confluent's property names, as {@link io.ridestream.serde.RideSerializer} is; a registry is
 * required ({@code schema.registry.url}), since Avro binary cannot be read without its schema. The subject is the
 * topic name plus {@code -value} (or {@code -key}), or as another subject name strategy names it (the record name
 * is the schema's full name, {@code io.ridestream.Ride}); the schema id comes from the registry once per subject, by
 * registering the schema ({@code auto.register.schemas}, the default), by taking the subject's latest schema
 * ({@code use.latest.version=true} with {@code auto.register.schemas=false}: it must be this version's ride schema,
 * as Avro's canonical form compares them), or else by looking up the id of this schema.
 *
 * <p>Each ride is checked against the ride schema's rules first (the same as in JSON) and refused with
 * {@link io.ridestream.serde.InvalidRideException} when it breaks one.
 */
public class RideAvroSerializer implements Serializer<Ride> {

	private static final Logger logger = LoggerFactory.getLogger(RideAvroSerializer.class);

	private static final TypedSchema SCHEMA = TypedSchema.avro(RideAvroSchema.json());

	private final ConcurrentMap<String, Integer> schemaIds = new ConcurrentHashMap<>();

	private volatile RegistrySerdeConfig config;

	private volatile SchemaRegistryClient registry;

	private volatile boolean isKey;

	/**
	 * @throws ConfigException if {@code schema.registry.url} is not set
	 */
	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		RegistrySerdeConfig config = RegistrySerdeConfig.from(configs);
		if (!config.usesRegistry()) {
			throw new ConfigException(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, null,
					"rides written in Avro need a schema registry: readers find the schema by the id each record carries");
		}
		this.config = config;
		this.isKey = isKey;
		this.registry = new SchemaRegistryClient(config);
		this.schemaIds.clear();
		logger.info("Writing rides in the Avro wire format with schema registry {}, subject {}, schema id {}",
				config.registryUrlsWithoutCredentials(),
				config.subjects(isKey).describe(isKey, RideAvroSchema.schema().getFullName()),
				config.autoRegisterSchemas() ? "by registering the schema"
						: config.useLatestVersion() ? "of the latest version" : "of the schema as registered");
	}

	@Override
	public byte[] serialize(String topic, Ride ride) {
		if (ride == null) {
			return null;
		}
		SchemaRegistryClient registry = this.registry;
		if (registry == null) {
			throw new IllegalStateException("RideAvroSerializer is not configured");
		}
		RideValidation.check(ride);
		String subject = this.config.subjects(this.isKey).subject(topic, this.isKey, RideAvroSchema.schema().getFullName());
		int id = this.schemaIds.computeIfAbsent(subject, (name) -> schemaId(registry, name));
		return WireFormat.frame(id, RideAvro.write(ride));
	}

	private int schemaId(SchemaRegistryClient registry, String subject) {
		if (this.config.autoRegisterSchemas()) {
			return registry.register(subject, SCHEMA);
		}
		if (this.config.useLatestVersion()) {
			SchemaRegistryClient.RegisteredSchema latest = registry.latestVersion(subject);
			if (latest.schema().type() != SchemaType.AVRO || !sameAsRideSchema(latest.schema().text())) {
				throw new SchemaRegistryException("The latest schema of subject " + subject + " (id " + latest.id()
						+ ", " + latest.schema().type() + ") is not this version's Avro ride schema; register it, or set "
						+ RegistrySerdeConfig.USE_LATEST_VERSION + "=false");
			}
			return latest.id();
		}
		return registry.lookUp(subject, SCHEMA);
	}

	private static boolean sameAsRideSchema(String schema) {
		try {
			return new Schema.Parser().parse(schema).equals(RideAvroSchema.schema());
		}
		catch (SchemaParseException ex) {
			return false;
		}
	}

}
