package io.ridestream.serde.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ridestream.model.Dataset;
import io.ridestream.model.Ride;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A {@link Ride} as Avro binary in {@link RideAvroSchema} (the payload of Confluent's Avro wire format, without its
 * five-byte header), written with Apache Avro's generic writer and read with its generic reader.
 *
 * <p>Reading resolves the writer's schema against the ride's, as Avro does: fields the writer's schema does not have
 * are null, fields the ride does not know are skipped, so rides written with an older or newer version of the schema
 * are read. Values come back as the ride's types: decimals without trailing zeros ({@code 1.50} is {@code 1.5}),
 * times as local date-times. Thread-safe.
 */
public final class RideAvro {

	private static final Schema SCHEMA = RideAvroSchema.schema();

	/** Avro's generic data, converting decimals and local timestamps to and from Java's types. */
	private static final GenericData DATA = data();

	private static final GenericDatumWriter<GenericRecord> WRITER = new GenericDatumWriter<>(SCHEMA, DATA);

	private static final RecordComponent[] COMPONENTS = Ride.class.getRecordComponents();

	private static final Method[] ACCESSORS = Arrays.stream(COMPONENTS)
		.map(RecordComponent::getAccessor)
		.toArray(Method[]::new);

	private static final Constructor<Ride> CONSTRUCTOR = canonicalConstructor();

	private static final Schema DATASET = SCHEMA.getField("dataset").schema().getTypes().get(1);

	/** Readers by writer's schema: resolving two schemas is done once for each pair. */
	private static final Map<Schema, DatumReader<GenericRecord>> READERS = new ConcurrentHashMap<>();

	private RideAvro() {
	}

	/**
	 * The ride as Avro binary.
	 * @throws SerializationException if a value does not fit its Avro type: a time finer than microseconds
	 */
	public static byte[] write(Ride ride) {
		GenericRecord record = new GenericData.Record(SCHEMA);
		for (int i = 0; i < COMPONENTS.length; i++) {
			record.put(i, toAvro(SCHEMA.getFields().get(i).name(), accessed(ride, i)));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
		try {
			WRITER.write(record, encoder);
			encoder.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (AvroRuntimeException ex) {
			throw new SerializationException("Cannot write the ride as Avro: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	/**
	 * The ride written as Avro binary with the writer's schema.
	 * @throws SerializationException if the bytes are not a ride in that schema, or the ride they hold is not valid
	 * (a required field missing, an impossible value)
	 */
	public static Ride read(Schema writer, byte[] bytes, int offset, int length) {
		GenericRecord record;
		try {
			record = READERS.computeIfAbsent(writer, RideAvro::reader)
				.read(null, DecoderFactory.get().binaryDecoder(bytes, offset, length, null));
		}
		catch (IOException | AvroRuntimeException | IndexOutOfBoundsException ex) {
			throw new SerializationException("Not a valid ride: not Avro binary of its schema (" + reason(ex) + ")", ex);
		}
		Object[] values = new Object[COMPONENTS.length];
		for (int i = 0; i < COMPONENTS.length; i++) {
			values[i] = fromAvro(record.get(i));
		}
		try {
			return CONSTRUCTOR.newInstance(values);
		}
		catch (InvocationTargetException ex) {
			throw new SerializationException("Not a valid ride: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DatumReader<GenericRecord> reader(Schema writer) {
		return new GenericDatumReader<>(writer, SCHEMA, DATA);
	}

	private static Object toAvro(String field, Object value) {
		if (value instanceof BigDecimal decimal) {
			// Exact: a ride's decimals have at most the schema's scale once trailing zeros are dropped.
			return decimal.setScale(RideAvroSchema.DECIMAL_SCALE, RoundingMode.UNNECESSARY);
		}
		if (value instanceof LocalDateTime time && time.getNano() % 1_000 != 0) {
			throw new SerializationException("Cannot write the ride as Avro: " + field + " " + time
					+ " is finer than the microseconds of local-timestamp-micros");
		}
		if (value instanceof Dataset dataset) {
			return new GenericData.EnumSymbol(DATASET, dataset.wireName());
		}
		return value;
	}

	private static Object fromAvro(Object value) {
		if (value instanceof BigDecimal decimal) {
			BigDecimal stripped = decimal.stripTrailingZeros();
			return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
		}
		if (value instanceof GenericData.EnumSymbol symbol) {
			return Dataset.fromWireName(symbol.toString());
		}
		if (value instanceof CharSequence text) {
			return text.toString();
		}
		return value;
	}

	private static Object accessed(Ride ride, int component) {
		try {
			return ACCESSORS[component].invoke(ride);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String reason(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private static GenericData data() {
		GenericData data = new GenericData();
		data.addLogicalTypeConversion(new Conversions.DecimalConversion());
		data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
		return data;
	}

	private static Constructor<Ride> canonicalConstructor() {
		try {
			return Ride.class.getDeclaredConstructor(
					Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
