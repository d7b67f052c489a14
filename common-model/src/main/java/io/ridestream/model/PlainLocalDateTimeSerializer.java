package io.ridestream.model;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

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
		if (value.getNano() != 0 || value.getYear() < 0 || value.getYear() > 9999) {
			generator.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
			return;
		}
		char[] text = new char[19];
		put(text, 0, value.getYear(), 4);
		text[4] = '-';
		put(text, 5, value.getMonthValue(), 2);
		text[7] = '-';
		put(text, 8, value.getDayOfMonth(), 2);
		text[10] = 'T';
		put(text, 11, value.getHour(), 2);
		text[13] = ':';
		put(text, 14, value.getMinute(), 2);
		text[16] = ':';
		put(text, 17, value.getSecond(), 2);
		generator.writeString(text, 0, text.length);
	}

	private static void put(char[] text, int at, int number, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + number % 10);
			number /= 10;
		}
	}

}
