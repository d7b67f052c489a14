package io.ridestream.serde;

import org.apache.avro.Schema;

/**
 * Reads a value written in Avro binary with a writer's schema, for a deserializer whose messages name an Avro schema
 * in the registry.
 *
 * @param <T> the value type
 */
@FunctionalInterface
interface AvroValueReader<T> {

	/**
	 * @param writer the schema the value was written with
	 * @throws org.apache.kafka.common.errors.SerializationException if the bytes are not such a value
	 */
	T read(Schema writer, byte[] bytes, int offset, int length);

}
