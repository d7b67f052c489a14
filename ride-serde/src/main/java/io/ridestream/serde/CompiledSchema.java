package io.ridestream.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema ready to validate rides, thread-safe. Schemas without a {@code $schema} keyword are read as draft 7;
 * a schema never makes the validator fetch a remote {@code $ref}, as schemas may come from a registry.
 */
final class CompiledSchema {

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
			(builder) -> builder.schemaLoader((loader) -> loader.fetchRemoteResources(false)));

	private static final int MAX_LISTED_VIOLATIONS = 10;

	private final Schema schema;

	private final JsonNode json;

	private CompiledSchema(Schema schema, JsonNode json) {
		this.schema = schema;
		this.json = json;
	}

	/**
	 * Compiles a schema.
	 * @throws IllegalArgumentException if the text is not a usable JSON Schema
	 */
	static CompiledSchema of(String json) {
		return of(json, Map.of());
	}

	/**
	 * Compiles a schema that references others, each by the IRI its {@code $ref} names (as a registry's schema
	 * references name them).
	 * @throws IllegalArgumentException if the text is not a usable JSON Schema
	 */
	static CompiledSchema of(String json, Map<String, String> references) {
		try {
			SchemaRegistry schemas = references.isEmpty() ? SCHEMAS
					: SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
							(builder) -> builder.schemaLoader((loader) -> loader.fetchRemoteResources(false))
								.schemas(references));
			Schema schema = schemas.getSchema(json);
			schema.initializeValidators();
			return new CompiledSchema(schema, RideJson.MAPPER.readTree(json));
		}
		catch (SchemaException | tools.jackson.core.JacksonException ex) {
			throw new IllegalArgumentException("Not a usable JSON Schema: " + ex.getMessage(), ex);
		}
	}

	/** Whether the other schema is the same JSON document as this one, whatever its formatting. */
	boolean sameAs(CompiledSchema other) {
		return this.json.equals(other.json);
	}

	/**
	 * What is wrong with a JSON value according to this schema, one readable line per violation, e.g.
	 * {@code passenger_count: must have a minimum value of 0 (was -1)}; empty when the value is valid. At most
	 * {@value #MAX_LISTED_VIOLATIONS} are listed, then how many more there are.
	 */
	List<String> violations(JsonNode value) {
		List<Error> errors = this.schema.validate(value);
		List<String> violations = new ArrayList<>(Math.min(errors.size(), MAX_LISTED_VIOLATIONS + 1));
		for (int i = 0; i < errors.size() && i < MAX_LISTED_VIOLATIONS; i++) {
			violations.add(describe(errors.get(i)));
		}
		if (errors.size() > MAX_LISTED_VIOLATIONS) {
			violations.add("and " + (errors.size() - MAX_LISTED_VIOLATIONS) + " more");
		}
		return violations;
	}

	private static String describe(Error error) {
		String location = error.getInstanceLocation().toString();
		String field = location.startsWith("/") ? location.substring(1) : location;
		JsonNode value = error.getInstanceNode();
		boolean showValue = !"required".equals(error.getKeyword()) && value != null && value.isValueNode();
		return (field.isEmpty() ? "" : field + ": ") + error.getMessage()
				+ (showValue ? " (was " + abbreviate(value.toString()) + ")" : "");
	}

	private static String abbreviate(String value) {
		return (value.length() <= 40) ? value : value.substring(0, 37) + "...";
	}

}
