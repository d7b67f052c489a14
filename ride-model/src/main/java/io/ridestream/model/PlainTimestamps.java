package io.ridestream.model;

import java.time.LocalDateTime;

/**
 * Reads date-times of the common shape {@code 2020-07-01 00:25:32} (any character between date and time) digit by
 * digit, and writes them as {@code 2020-07-01T00:25:32}: the readers and writers of CSV and JSON meet millions of
 * them, and a {@link java.time.format.DateTimeFormatter} costs several times more. Any other shape is left to the
 * formatter.
 */
public final class PlainTimestamps {

	private PlainTimestamps() {
	}

	/**
	 * The date-time, or null if the text is not of the plain shape.
	 * @throws java.time.DateTimeException if it is of the shape but names a date or time that does not exist
	 */
	public static LocalDateTime parse(String text) {
		if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		return LocalDateTime.of(year, month, day, hour, minute, second);
	}

	/** The length of a plain date-time as {@link #write} writes it. */
	public static final int LENGTH = 19;

	/** Whether {@link #write} can write the date-time: whole seconds in a four-digit year. */
	public static boolean isPlain(LocalDateTime time) {
		return time.getNano() == 0 && time.getYear() >= 0 && time.getYear() <= 9999;
	}

	/**
	 * Writes a {@linkplain #isPlain plain} date-time as ISO-8601 ({@code 2020-07-01T00:25:32}, as
	 * {@link java.time.format.DateTimeFormatter#ISO_LOCAL_DATE_TIME} would) in {@link #LENGTH} ASCII bytes.
	 */
	public static void write(LocalDateTime time, byte[] into, int at) {
		put(into, at, time.getYear(), 4);
		into[at + 4] = '-';
		put(into, at + 5, time.getMonthValue(), 2);
		into[at + 7] = '-';
		put(into, at + 8, time.getDayOfMonth(), 2);
		into[at + 10] = 'T';
		put(into, at + 11, time.getHour(), 2);
		into[at + 13] = ':';
		put(into, at + 14, time.getMinute(), 2);
		into[at + 16] = ':';
		put(into, at + 17, time.getSecond(), 2);
	}

	private static void put(byte[] into, int at, int number, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			into[i] = (byte) ('0' + number % 10);
			number /= 10;
		}
	}

	/** The number the ASCII digits from start to end spell, or -1 if any is not a digit. */
	private static int digits(String text, int start, int end) {
		int number = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

}
