package io.ridestream.serde.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confluent Schema Registry's compatibility rules for JSON Schema, for the keywords the project's schemas use, so
 * that the test registry refuses what a real one refuses. Written from Confluent's documented rules: a change is
 * BACKWARD compatible when a reader with the new schema accepts everything the old schema accepted. The differences
 * keep Confluent's names, so a refusal reads as a real registry's.
 *
 * <p>Checked: types (a type added to a property's types is compatible, one removed or changed is not; number
 * includes integer), {@code minimum}/{@code maximum}, {@code pattern}, {@code enum}, properties added and removed
 * under open, closed and partially open content models ({@code additionalProperties} as true, false or a schema),
 * {@code required}, and nested objects. Other keywords are compared for equality and reported as
 * {@code UNSUPPORTED_CHANGE} when they differ, so an unchecked change is never silently accepted.
 */
final class JsonSchemaCompatibility {

	/** Confluent's compatible difference types, among those this class reports. */
	private static final Set<String> COMPATIBLE = Set.of("DESCRIPTION_CHANGED", "TITLE_CHANGED", "TYPE_EXTENDED",
			"SUM_TYPE_EXTENDED", "MINIMUM_REMOVED", "MINIMUM_DECREASED", "MAXIMUM_REMOVED", "MAXIMUM_INCREASED",
			"PATTERN_REMOVED", "ENUM_ARRAY_EXTENDED", "ENUM_ARRAY_REMOVED", "REQUIRED_ATTRIBUTE_REMOVED",
			"PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL",
			"OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
			"ADDITIONAL_PROPERTIES_ADDED", "ADDITIONAL_PROPERTIES_EXTENDED", "SCHEMA_REMOVED");

	/** Keywords that only document, and so never change what a schema accepts. */
	private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "default",
			"examples", "$comment");

	/** Keywords this class understands; a change to any other is reported as unsupported. */
	private static final Set<String> CHECKED = Set.of("type", "minimum", "maximum", "pattern", "enum", "properties",
			"required", "additionalProperties");

	private static final JsonMapper JSON = JsonMapper.shared();

	private JsonSchemaCompatibility() {
	}

	/** A difference between two schemas, named as Confluent names it, at a JSON path like {@code #/properties/x}. */
	record Difference(String type, String path) {

		boolean compatible() {
			return COMPATIBLE.contains(this.type);
		}

	}

	/**
	 * The differences that make {@code update} incompatible with {@code original} in the given compatibility level:
	 * BACKWARD (a reader with the update reads data written with the original), FORWARD or FULL (both).
	 */
	static List<Difference> incompatibilities(String level, String original, String update) {
		JsonNode before = JSON.readTree(original);
		JsonNode after = JSON.readTree(update);
		List<Difference> differences = new ArrayList<>();
		if (level.startsWith("BACKWARD") || level.startsWith("FULL")) {
			compare(before, after, "#", differences);
		}
		if (level.startsWith("FORWARD") || level.startsWith("FULL")) {
			compare(after, before, "#", differences);
		}
		return differences.stream().filter((difference) -> !difference.compatible()).toList();
	}

	/** Every difference between a writer's schema and a reader's, compatible or not. */
	static List<Difference> differences(String writer, String reader) {
		List<Difference> differences = new ArrayList<>();
		compare(JSON.readTree(writer), JSON.readTree(reader), "#", differences);
		return differences;
	}

	private static void compare(JsonNode original, JsonNode update, String path, List<Difference> out) {
		if (isEmpty(update)) {
			if (!isEmpty(original) && !textOf(original, "description").equals(textOf(update, "description"))) {
				out.add(new Difference("DESCRIPTION_CHANGED", path));
			}
			return; // the empty schema accepts everything
		}
		if (isEmpty(original)) {
			out.add(new Difference("TYPE_CHANGED", path));
			return;
		}
		if (!textOf(original, "description").equals(textOf(update, "description"))) {
			out.add(new Difference("DESCRIPTION_CHANGED", path));
		}
		if (!textOf(original, "title").equals(textOf(update, "title"))) {
			out.add(new Difference("TITLE_CHANGED", path));
		}
		compareTypes(types(original), types(update), path, out);
		compareBound(original.get("minimum"), update.get("minimum"), "MINIMUM", 1, path, out);
		compareBound(original.get("maximum"), update.get("maximum"), "MAXIMUM", -1, path, out);
		comparePattern(original.get("pattern"), update.get("pattern"), path, out);
		compareEnum(original.get("enum"), update.get("enum"), path, out);
		if (original.has("properties") || update.has("properties") || types(update).contains("object")) {
			compareObjects(original, update, path, out);
		}
		Set<String> others = new HashSet<>(original.propertyNames());
		others.addAll(update.propertyNames());
		others.removeAll(CHECKED);
		others.removeAll(ANNOTATIONS);
		for (String keyword : others) {
			if (!String.valueOf(original.get(keyword)).equals(String.valueOf(update.get(keyword)))) {
				out.add(new Difference("UNSUPPORTED_CHANGE", path + "/" + keyword));
			}
		}
	}

	private static void compareTypes(Set<String> original, Set<String> update, String path, List<Difference> out) {
		if (original.isEmpty() || original.equals(update)) {
			return;
		}
		Set<String> widened = new HashSet<>(update);
		if (widened.contains("number")) {
			widened.add("integer");
		}
		if (update.isEmpty()) {
			out.add(new Difference("TYPE_EXTENDED", path));
		}
		else if (widened.containsAll(original)) {
			out.add(new Difference((update.size() > original.size()) ? "SUM_TYPE_EXTENDED" : "TYPE_EXTENDED", path));
		}
		else if (original.contains("number") && update.contains("integer")) {
			out.add(new Difference("TYPE_NARROWED", path));
		}
		else if (update.stream().anyMatch(original::contains)) {
			out.add(new Difference("SUM_TYPE_NARROWED", path));
		}
		else {
			out.add(new Difference("TYPE_CHANGED", path));
		}
	}

	/** {@code direction} 1 for a minimum (raising it narrows), -1 for a maximum (lowering it narrows). */
	private static void compareBound(JsonNode original, JsonNode update, String name, int direction, String path,
			List<Difference> out) {
		if (original == null && update == null) {
			return;
		}
		if (original == null) {
			out.add(new Difference(name + "_ADDED", path));
		}
		else if (update == null) {
			out.add(new Difference(name + "_REMOVED", path));
		}
		else {
			int comparison = update.decimalValue().compareTo(original.decimalValue()) * direction;
			if (comparison > 0) {
				out.add(new Difference(name + ((direction > 0) ? "_INCREASED" : "_DECREASED"), path));
			}
			else if (comparison < 0) {
				out.add(new Difference(name + ((direction > 0) ? "_DECREASED" : "_INCREASED"), path));
			}
		}
	}

	private static void comparePattern(JsonNode original, JsonNode update, String path, List<Difference> out) {
		if (original == null && update != null) {
			out.add(new Difference("PATTERN_ADDED", path));
		}
		else if (original != null && update == null) {
			out.add(new Difference("PATTERN_REMOVED", path));
		}
		else if (original != null && !original.equals(update)) {
			out.add(new Difference("PATTERN_CHANGED", path));
		}
	}

	private static void compareEnum(JsonNode original, JsonNode update, String path, List<Difference> out) {
		if (original == null && update == null) {
			return;
		}
		if (original == null) {
			out.add(new Difference("ENUM_ARRAY_NARROWED", path));
			return;
		}
		if (update == null) {
			out.add(new Difference("ENUM_ARRAY_REMOVED", path));
			return;
		}
		Set<JsonNode> before = new HashSet<>();
		original.forEach(before::add);
		Set<JsonNode> after = new HashSet<>();
		update.forEach(after::add);
		if (after.containsAll(before) && !before.containsAll(after)) {
			out.add(new Difference("ENUM_ARRAY_EXTENDED", path));
		}
		else if (before.containsAll(after) && !after.containsAll(before)) {
			out.add(new Difference("ENUM_ARRAY_NARROWED", path));
		}
		else if (!before.equals(after)) {
			out.add(new Difference("ENUM_ARRAY_CHANGED", path));
		}
	}

	private static void compareObjects(JsonNode original, JsonNode update, String path, List<Difference> out) {
		JsonNode before = original.path("properties");
		JsonNode after = update.path("properties");
		Set<String> names = new LinkedHashSet<>(before.propertyNames());
		names.addAll(after.propertyNames());
		for (String name : names) {
			String at = path + "/properties/" + name;
			if (!after.has(name)) {
				if (isOpen(update)) {
					out.add(new Difference("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", at));
				}
				else if (additionalSchema(update) != null) {
					List<Difference> covered = new ArrayList<>();
					compare(before.get(name), additionalSchema(update), at, covered);
					out.add(new Difference(covered.stream().allMatch(Difference::compatible)
							? "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
							: "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", at));
				}
				else {
					out.add(new Difference("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", at));
				}
			}
			else if (!before.has(name)) {
				if (isOpen(original)) {
					out.add(new Difference(isEmpty(after.get(name)) ? "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"
							: "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", at));
				}
				else {
					if (additionalSchema(original) != null) {
						List<Difference> covered = new ArrayList<>();
						compare(additionalSchema(original), after.get(name), at, covered);
						out.add(new Difference(covered.stream().allMatch(Difference::compatible)
								? "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
								: "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", at));
					}
					out.add(new Difference(isRequired(update, name) ? "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"
							: "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", at));
				}
			}
			else {
				compare(before.get(name), after.get(name), at, out);
				if (isRequired(original, name) && !isRequired(update, name)) {
					out.add(new Difference("REQUIRED_ATTRIBUTE_REMOVED", path + "/required/" + name));
				}
				else if (!isRequired(original, name) && isRequired(update, name)) {
					out.add(new Difference("REQUIRED_ATTRIBUTE_ADDED", path + "/required/" + name));
				}
			}
		}
		compareAdditionalProperties(original, update, path + "/additionalProperties", out);
	}

	private static void compareAdditionalProperties(JsonNode original, JsonNode update, String path,
			List<Difference> out) {
		boolean permittedBefore = !original.path("additionalProperties").isBoolean()
				|| original.path("additionalProperties").asBoolean();
		boolean permittedAfter = !update.path("additionalProperties").isBoolean()
				|| update.path("additionalProperties").asBoolean();
		if (permittedBefore != permittedAfter) {
			out.add(new Difference(permittedAfter ? "ADDITIONAL_PROPERTIES_ADDED" : "ADDITIONAL_PROPERTIES_REMOVED", path));
		}
		else if (additionalSchema(original) == null && additionalSchema(update) != null) {
			out.add(new Difference("ADDITIONAL_PROPERTIES_NARROWED", path));
		}
		else if (additionalSchema(original) != null && additionalSchema(update) == null) {
			out.add(new Difference("ADDITIONAL_PROPERTIES_EXTENDED", path));
		}
		else if (additionalSchema(original) != null) {
			compare(additionalSchema(original), additionalSchema(update), path, out);
		}
	}

	private static boolean isOpen(JsonNode object) {
		JsonNode additional = object.get("additionalProperties");
		return (additional == null || (additional.isBoolean() && additional.asBoolean()))
				&& !object.has("patternProperties");
	}

	private static JsonNode additionalSchema(JsonNode object) {
		JsonNode additional = object.get("additionalProperties");
		return (additional != null && additional.isObject()) ? additional : null;
	}

	private static boolean isRequired(JsonNode object, String name) {
		for (JsonNode required : object.path("required")) {
			if (required.asString().equals(name)) {
				return true;
			}
		}
		return false;
	}

	/** A schema that constrains nothing: no keywords, or annotations only (Confluent's EmptySchema). */
	private static boolean isEmpty(JsonNode schema) {
		if (schema.isBoolean()) {
			return schema.asBoolean();
		}
		return schema.propertyNames().stream().allMatch(ANNOTATIONS::contains);
	}

	private static Set<String> types(JsonNode schema) {
		Set<String> types = new HashSet<>();
		JsonNode type = schema.get("type");
		if (type != null && type.isArray()) {
			type.forEach((t) -> types.add(t.asString()));
		}
		else if (type != null) {
			types.add(type.asString());
		}
		return types;
	}

	private static String textOf(JsonNode schema, String keyword) {
		return schema.path(keyword).asString("");
	}

}
