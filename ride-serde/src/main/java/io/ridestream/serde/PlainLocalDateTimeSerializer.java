package io.ridestream.serde;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;
import io.ridestream.model.PlainTimestamps;

/**
 * Writes a date-time as {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME} does ({@code 2020-07-01T00:25:32}), digit
 * by digit for whole seconds of four-digit years, the shape of every TLC timestamp; through the formatter
 * otherwise. The formatter costs several times more, and a ride has two date-times.
 */
final class PlainLocalDateTimeSerializer extends StdSerializer<LocalDateTime> {

	PlainLocalDateTimeSerializer() {
		super(LocalDateTime.class);
	}

	@Override
	public void serialize(LocalDateTime value, JsonGenerator generator, SerializationContext context) {
		if (!PlainTimestamps.isPlain(value)) {
			generator.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
			return;
		}
		byte[] text = new byte[PlainTimestamps.LENGTH];
		PlainTimestamps.write(value, text, 0);
		generator.writeString(new String(text, StandardCharsets.US_ASCII));
	}

}
