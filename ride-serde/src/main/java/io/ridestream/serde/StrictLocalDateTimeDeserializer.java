package io.ridestream.serde;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import io.ridestream.model.PlainTimestamps;

/**
 * Reads a date-time only from a JSON string of the shape the ride schema allows ({@code 2020-07-01T00:25:32},
 * seconds and up to nine fraction digits optional), not from the array or number shapes Jackson also accepts. It
 * serves the serdes' fast path, which must accept nothing the schema rejects.
 */
final class StrictLocalDateTimeDeserializer extends StdDeserializer<LocalDateTime> {

	/** The schema's pattern, without anchors: {@link java.util.regex.Matcher#matches()} takes the whole string. */
	private static final Pattern SCHEMA_PATTERN = Pattern
		.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?");

	StrictLocalDateTimeDeserializer() {
		super(LocalDateTime.class);
	}

	@Override
	public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			return (LocalDateTime) context.handleUnexpectedToken(LocalDateTime.class, parser);
		}
		String text = parser.getString();
		if (text.length() == 19 && text.charAt(10) == 'T') {
			try {
				LocalDateTime plain = PlainTimestamps.parse(text);
				if (plain != null) {
					return plain;
				}
			}
			catch (DateTimeException ex) {
				return (LocalDateTime) context.handleWeirdStringValue(LocalDateTime.class, text, ex.getMessage());
			}
		}
		if (!SCHEMA_PATTERN.matcher(text).matches()) {
			return (LocalDateTime) context.handleWeirdStringValue(LocalDateTime.class, text,
					"not a date-time of the ride schema's shape");
		}
		try {
			return LocalDateTime.parse(text);
		}
		catch (DateTimeException ex) {
			return (LocalDateTime) context.handleWeirdStringValue(LocalDateTime.class, text, ex.getMessage());
		}
	}

}
