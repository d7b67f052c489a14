package io.ridestream.serde.registry;

import java.util.Locale;

import org.apache.kafka.common.config.ConfigException;

/**
 * Under which subject a serializer registers and looks up its schema, as Confluent's strategies of the same names
 * ({@code key.subject.name.strategy}, {@code value.subject.name.strategy}; their class names are accepted).
 */
public enum SubjectNameStrategy {

	/** {@code <topic>-value} (or {@code -key}): one schema history per topic; the default. */
	TOPIC_NAME("TopicNameStrategy"),

	/** The record's full name, e.g. {@code io.ridestream.Ride}: one history per record type, across topics. */
	RECORD_NAME("RecordNameStrategy"),

	/** {@code <topic>-<record name>}: one history per record type and topic. */
	TOPIC_RECORD_NAME("TopicRecordNameStrategy");

	private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

	private final String className;

	SubjectNameStrategy(String className) {
		this.className = className;
	}

	/**
	 * The subject for a record.
	 * @param topic the topic written to
	 * @param isKey whether the record's key is serialized
	 * @param recordName the schema's record name: an Avro schema's full name, a JSON Schema's title
	 */
	public String subject(String topic, boolean isKey, String recordName) {
		return switch (this) {
			case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
			case RECORD_NAME -> recordName;
			case TOPIC_RECORD_NAME -> topic + "-" + recordName;
		};
	}

	/** The subject as a pattern for logs, e.g. {@code <topic>-value}. */
	public String describe(boolean isKey, String recordName) {
		return subject("<topic>", isKey, recordName);
	}

	/**
	 * Reads a strategy from a property: Confluent's class name, its simple name, or this enum's name.
	 * @throws ConfigException naming the property for any other value
	 */
	static SubjectNameStrategy from(String property, Object value) {
		if (value == null || value.toString().isBlank()) {
			return TOPIC_NAME;
		}
		String text = (value instanceof Class<?> type) ? type.getName() : value.toString().strip();
		String simple = text.startsWith(CONFLUENT_PACKAGE) ? text.substring(CONFLUENT_PACKAGE.length()) : text;
		for (SubjectNameStrategy strategy : values()) {
			if (strategy.className.equals(simple) || strategy.name().equals(simple.toUpperCase(Locale.ROOT))) {
				return strategy;
			}
		}
		throw new ConfigException(property, value, "must be one of Confluent's " + CONFLUENT_PACKAGE
				+ "TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
	}

}
