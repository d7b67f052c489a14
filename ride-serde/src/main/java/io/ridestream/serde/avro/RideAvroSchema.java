package io.ridestream.serde.avro;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ridestream.model.Dataset;
import io.ridestream.model.Decimals;
import io.ridestream.model.Ride;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The Avro schema of a ride on the wire, generated from the {@link Ride} record as its JSON Schema is: a record
 * {@code io.ridestream.Ride} whose fields are the TLC column names of the JSON ({@code VendorID},
 * {@code tpep_pickup_datetime}, ...), in the record's order.
 *
 * <ul>
 * <li>The two times are required, as {@code local-timestamp-micros} (New York local time, no zone, as the TLC
 * publishes it); every other field is a union with {@code null}, default null, so that readers of this version read
 * rides without them and later versions may add fields.</li>
 * <li>Amounts and the distance are {@code decimal(18, 6)} on {@code bytes}: every value a {@link Ride} holds (at
 * most 12 integer digits and 6 decimal places, {@link Decimals}) exactly, which Spark, Flink and ksqlDB read as a
 * decimal. Read back, a value keeps no trailing zeros: {@code 1.50} is {@code 1.5}, equal in value.</li>
 * <li>{@code dataset} is an enum of the wire names ({@code yellow}, {@code green}, {@code fhv}).</li>
 * </ul>
 *
 * <p>Generated when this class loads; {@code src/test/resources/ride.avsc} pins it, so that a change to it, a change
 * to the contract with every consumer, is always deliberate.
 */
public final class RideAvroSchema {

	/** Every decimal's scale on the wire. */
	static final int DECIMAL_SCALE = Decimals.MAX_SCALE;

	static final int DECIMAL_PRECISION = Decimals.MAX_INTEGER_DIGITS + Decimals.MAX_SCALE;

	private static final Schema SCHEMA = generate();

	private RideAvroSchema() {
	}

	public static Schema schema() {
		return SCHEMA;
	}

	/** The schema as JSON, as it is registered. */
	public static String json() {
		return SCHEMA.toString();
	}

	private static Schema generate() {
		SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("Ride")
			.namespace("io.ridestream")
			.doc("One NYC trip from the TLC's trip records (yellow, green or FHV), as Ride Stream replays it")
			.fields();
		for (RecordComponent component : Ride.class.getRecordComponents()) {
			JsonProperty property = property(component);
			Schema type = typeOf(component.getType());
			if (property.required()) {
				fields = fields.name(property.value()).type(type).noDefault();
			}
			else {
				fields = fields.name(property.value()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type))
					.withDefault(null);
			}
		}
		return fields.endRecord();
	}

	/** The component's {@code @JsonProperty}, which Java keeps on the record's field, not on the component. */
	private static JsonProperty property(RecordComponent component) {
		try {
			JsonProperty property = Ride.class.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
			if (property == null) {
				throw new IllegalStateException("Ride." + component.getName() + " has no @JsonProperty");
			}
			return property;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Schema typeOf(Class<?> type) {
		if (type == Integer.class) {
			return Schema.create(Schema.Type.INT);
		}
		if (type == String.class) {
			return Schema.create(Schema.Type.STRING);
		}
		if (type == BigDecimal.class) {
			return LogicalTypes.decimal(DECIMAL_PRECISION, DECIMAL_SCALE).addToSchema(Schema.create(Schema.Type.BYTES));
		}
		if (type == LocalDateTime.class) {
			return LogicalTypes.localTimestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
		}
		if (type == Dataset.class) {
			return Schema.createEnum("Dataset", "The TLC dataset the ride comes from", "io.ridestream",
					Arrays.stream(Dataset.values()).map(Dataset::wireName).toList());
		}
		throw new IllegalStateException("No Avro type for " + type);
	}

}
