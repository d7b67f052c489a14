package io.ridestream.benchmark.streams;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Serde} of one class as JSON through a Jackson {@link JsonMapper}: for the rides read from the topic and
 * for the statistics kept in the state store (and so in its changelog).
 *
 * @param <T> the class
 */
public final class JsonSerde<T> implements Serde<T> {

	/** Jackson's defaults; Java's date-times are built into Jackson 3, written as ISO-8601 text. */
	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Class<T> type;

	public JsonSerde(Class<T> type) {
		this.type = type;
	}

	@Override
	public Serializer<T> serializer() {
		return (topic, value) -> {
			if (value == null) {
				return null;
			}
			try {
				return MAPPER.writeValueAsBytes(value);
			}
			catch (JacksonException ex) {
				throw new SerializationException("Cannot write a " + this.type.getSimpleName() + " as JSON", ex);
			}
		};
	}

	@Override
	public Deserializer<T> deserializer() {
		return (topic, data) -> {
			if (data == null) {
				return null;
			}
			try {
				return MAPPER.readValue(data, this.type);
			}
			catch (JacksonException ex) {
				throw new SerializationException("Cannot read a " + this.type.getSimpleName() + " from JSON", ex);
			}
		};
	}

}
