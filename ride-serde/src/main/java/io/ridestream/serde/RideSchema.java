package io.ridestream.serde;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import io.ridestream.model.Ride;

/**
 * The JSON Schema (draft 7) of a ride on the wire, generated from the {@link Ride} record.
 *
 * <p>Keys are the {@code @JsonProperty} names; the fields marked {@code required = true} are required and may
 * not be null, the others may be absent or null. Timestamps are ISO-8601 local date-times, checked by a pattern:
 * {@code format: date-time} would demand an offset that TLC data does not have. A few bounds that every real TLC
 * row meets (counts and distances not negative, location ids from 1) let validation catch a malformed ride;
 * amounts stay unbounded because refunds are negative. The content model is open, so a newer producer may add
 * optional fields that older consumers ignore.
 *
 * <p>Schema version 2 (green and FHV trips) evolves version 1 as a Confluent Schema Registry's default BACKWARD
 * compatibility allows: the properties of version 1 keep their types, made nullable, and only the two times stay
 * required; properties added in version 2 have empty schemas with a description of their values. Version 1 was
 * published with an open content model, and in Confluent's rules a property added to an open content model with
 * any schema but the empty one is incompatible (old data may hold any value under that name). The {@link Ride}
 * record still types them, so a ride of the wrong shape is refused when written and when read.
 *
 * <p>The schema is generated from the record itself when this class loads, that is when the first serde is
 * created (about a quarter of a second, once per JVM), so it cannot drift from the code. The generated text is
 * deterministic, so every producer registers the same schema. {@code src/test/resources/ride.schema.json} pins
 * it, so that a change to it, which is a change to the contract with every consumer, is always deliberate.
 */
public final class RideSchema {

	/** ISO-8601 local date-time as Jackson writes {@link LocalDateTime}: seconds and fraction optional. */
	static final String LOCAL_DATE_TIME_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?$";

	private static final Map<String, BigDecimal> MINIMUMS = Map.of(
			"VendorID", BigDecimal.ONE,
			"passenger_count", BigDecimal.ZERO,
			"trip_distance", BigDecimal.ZERO,
			"RatecodeID", BigDecimal.ONE,
			"PULocationID", BigDecimal.ONE,
			"DOLocationID", BigDecimal.ONE,
			"payment_type", BigDecimal.ZERO);

	/** A nullable field's enum must list null too, or the enum would reject the null that its type allows. */
	private static final Map<String, List<String>> ENUMS = Map.of("store_and_fwd_flag", Arrays.asList("Y", "N", null));

	/** The properties added in version 2, with what their values are. */
	private static final Map<String, String> ADDED_IN_VERSION_2 = orderedMap(
			"dataset", "yellow, green or fhv: the TLC trip record dataset of the ride. Absent in version 1 rides, "
					+ "which are all yellow.",
			"airport_fee", "number or null: the airport fee of yellow rides since 2021",
			"cbd_congestion_fee", "number or null: the Manhattan congestion relief zone fee, since 2025",
			"ehail_fee", "number or null: green rides' e-hail fee (empty in the TLC's files)",
			"trip_type", "integer or null: green rides' trip type, 1 street hail, 2 dispatch",
			"dispatching_base_num", "string: the TLC license number of the base that dispatched an FHV trip",
			"SR_Flag", "integer or null: 1 for an FHV trip that was part of a shared ride chain",
			"Affiliated_base_number", "string or null: the base an FHV vehicle is affiliated with");

	private static final String JSON = generate(Ride.class, "Ride",
			"One NYC yellow-taxi, green-taxi or for-hire vehicle trip, keyed by the TLC trip record column names. "
					+ "Timestamps are New York local time.");

	private RideSchema() {
	}

	/** The schema, pretty-printed with {@code \n} line ends, the same on every machine. */
	public static String json() {
		return JSON;
	}

	/**
	 * Generates the schema of a ride-shaped record: {@link Ride}, or another version of it (tests use one with an
	 * extra optional field to check schema evolution).
	 */
	static String generate(Class<?> type, String title, String description) {
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
					JacksonOption.RESPECT_JSONPROPERTY_ORDER));
		config.forFields()
			.withNullableCheck((field) -> !field.getType().isPrimitive() && !isRequired(field))
			.withStringPatternResolver((field) -> isLocalDateTime(field) ? LOCAL_DATE_TIME_PATTERN : null)
			.withEnumResolver((field) -> ENUMS.get(propertyName(field)))
			.withNumberInclusiveMinimumResolver((field) -> MINIMUMS.get(propertyName(field)));
		ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(type);
		ObjectNode annotated = schema.objectNode();
		annotated.set("$schema", schema.remove("$schema"));
		annotated.put("title", title);
		annotated.put("description", description);
		annotated.setAll(schema);
		ObjectNode properties = (ObjectNode) annotated.get("properties");
		ADDED_IN_VERSION_2.forEach((name, meaning) -> {
			if (properties.has(name)) {
				properties.set(name, properties.objectNode().put("description", meaning));
			}
		});
		annotated.put("additionalProperties", true);
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
			.withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n"));
		return JsonMapper.shared().writer().with(printer).writeValueAsString(annotated);
	}

	private static Map<String, String> orderedMap(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static boolean isRequired(FieldScope field) {
		JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
		return property != null && property.required();
	}

	private static boolean isLocalDateTime(FieldScope field) {
		return field.getType().getErasedType() == LocalDateTime.class;
	}

	private static String propertyName(FieldScope field) {
		JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
		Field raw = field.getRawMember();
		return (property != null && !property.value().isEmpty()) ? property.value() : raw.getName();
	}

}
