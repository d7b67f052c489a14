package io.ridestream.serde;

import java.time.LocalDateTime;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import io.ridestream.model.Ride;

/**
 * The JSON shape of a ride on the wire: one object, keys named as the TLC CSV columns, timestamps as ISO-8601
 * local date-times, every amount and the distance as plain JSON numbers (never exponent notation, read back as
 * exact decimals). Example:
 *
 * <pre>{@code
 * {"dataset":"yellow","VendorID":1,"tpep_pickup_datetime":"2020-07-01T00:25:32",
 *  "tpep_dropoff_datetime":"2020-07-01T00:33:39",
 *  "passenger_count":1,"trip_distance":1.50,"RatecodeID":1,"store_and_fwd_flag":"N","PULocationID":238,
 *  "DOLocationID":75,"payment_type":2,"fare_amount":8,"extra":0.5,"mta_tax":0.5,"tip_amount":0,
 *  "tolls_amount":0,"improvement_surcharge":0.3,"total_amount":9.3,"congestion_surcharge":0}
 * }</pre>
 *
 * Nullable fields are written as {@code null} and may also be left out. Unknown keys are ignored when reading, so
 * a newer producer may add optional fields without breaking older consumers. {@link RideSchema} describes the same
 * shape as a JSON Schema.
 */
public final class RideJson {

	/** Also maps other versions of the ride (see {@link JsonSchemaDeserializer}); trees keep decimals exact. */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.addModule(new SimpleModule("plain-date-times").addSerializer(LocalDateTime.class,
				new PlainLocalDateTimeSerializer()))
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * Reads rides only from JSON the ride schema accepts as far as types go: no number from a string, no integer
	 * from a decimal, date-times only from strings of the schema's shape. The serdes' fast path.
	 */
	static final JsonMapper STRICT_MAPPER = MAPPER.rebuild()
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.addModule(new SimpleModule("strict-ride").addDeserializer(LocalDateTime.class,
				new StrictLocalDateTimeDeserializer()))
		.build();

	private RideJson() {
	}

	public static byte[] write(Ride ride) {
		return MAPPER.writeValueAsBytes(ride);
	}

	/**
	 * Reads a ride from its JSON.
	 * @throws IllegalArgumentException naming what is wrong, when the bytes are not a valid ride
	 */
	public static Ride read(byte[] json) {
		try {
			return MAPPER.readValue(json, Ride.class);
		}
		catch (JacksonException ex) {
			throw notAValidRide(ex);
		}
	}

	/** Maps a parsed ride, of {@link Ride} or another version of it, as {@link #read(byte[])} does. */
	static <T> T read(JsonNode json, Class<T> type) {
		try {
			return MAPPER.treeToValue(json, type);
		}
		catch (JacksonException ex) {
			throw notAValidRide(ex);
		}
	}

	private static IllegalArgumentException notAValidRide(JacksonException ex) {
		Throwable cause = (ex.getCause() instanceof IllegalArgumentException) ? ex.getCause() : ex;
		return new IllegalArgumentException("Not a valid ride: " + cause.getMessage(), ex);
	}

}
