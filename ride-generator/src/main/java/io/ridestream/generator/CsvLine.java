package io.ridestream.generator;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One CSV line being written, in a reusable character buffer, with the number formats of TLC files done by hand:
 * formatting millions of rows through {@code String.format} or {@code BigDecimal} would cost more than the
 * writing.
 */
final class CsvLine {

	private static final int SECONDS_PER_DAY = 86_400;

	private char[] chars = new char[256];

	private int length;

	/** "yyyy-MM-dd " of the day last written: consecutive timestamps are nearly always on the same day. */
	private final char[] datePrefix = new char[11];

	private long datePrefixDay = Long.MIN_VALUE;

	void clear() {
		this.length = 0;
	}

	int length() {
		return this.length;
	}

	CsvLine comma() {
		return append(',');
	}

	CsvLine append(char c) {
		ensureRoom(1);
		this.chars[this.length++] = c;
		return this;
	}

	/** A number that is not negative, in decimal digits. */
	CsvLine appendNumber(long value) {
		ensureRoom(20);
		int end = this.length + digitCount(value);
		int position = end;
		do {
			this.chars[--position] = (char) ('0' + value % 10);
			value /= 10;
		}
		while (value != 0);
		this.length = end;
		return this;
	}

	/** A count, or nothing when it is {@link Trip#EMPTY}. */
	CsvLine appendOptional(int value) {
		return (value == Trip.EMPTY) ? this : appendNumber(value);
	}

	/** An amount of money as the TLC writes it: no trailing zeros, e.g. {@code 8}, {@code 0.5}, {@code -14.16}. */
	CsvLine appendMoney(long cents) {
		if (cents < 0) {
			append('-');
			cents = -cents;
		}
		appendNumber(cents / 100);
		int fraction = (int) (cents % 100);
		if (fraction != 0) {
			append('.').append((char) ('0' + fraction / 10));
			if (fraction % 10 != 0) {
				append((char) ('0' + fraction % 10));
			}
		}
		return this;
	}

	/** A distance as the TLC writes it: two decimals, no leading zero, e.g. {@code 1.50}, {@code .73}. */
	CsvLine appendHundredths(long hundredths) {
		if (hundredths >= 100) {
			appendNumber(hundredths / 100);
		}
		int fraction = (int) (hundredths % 100);
		return append('.').append((char) ('0' + fraction / 10)).append((char) ('0' + fraction % 10));
	}

	/** A base's license number as the TLC writes it: B and five digits, e.g. {@code B00013}. */
	CsvLine appendBaseNumber(int number) {
		append('B');
		for (int divisor = 10_000; divisor > 0; divisor /= 10) {
			append((char) ('0' + number / divisor % 10));
		}
		return this;
	}

	/** A second of the local clock as {@code yyyy-MM-dd HH:mm:ss}. */
	CsvLine appendTimestamp(long second) {
		long day = Math.floorDiv(second, SECONDS_PER_DAY);
		if (day != this.datePrefixDay) {
			String date = LocalDate.ofEpochDay(day).toString();
			date.getChars(0, 10, this.datePrefix, 0);
			this.datePrefix[10] = ' ';
			this.datePrefixDay = day;
		}
		ensureRoom(19);
		System.arraycopy(this.datePrefix, 0, this.chars, this.length, 11);
		this.length += 11;
		int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
		twoDigits(secondOfDay / 3600).append(':');
		twoDigits(secondOfDay / 60 % 60).append(':');
		return twoDigits(secondOfDay % 60);
	}

	void writeTo(Writer out) throws IOException {
		out.write(this.chars, 0, this.length);
	}

	@Override
	public String toString() {
		return new String(this.chars, 0, this.length);
	}

	private CsvLine twoDigits(int value) {
		return append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	private void ensureRoom(int characters) {
		if (this.length + characters > this.chars.length) {
			this.chars = Arrays.copyOf(this.chars, Math.max(this.chars.length * 2, this.length + characters));
		}
	}

	private static int digitCount(long value) {
		int digits = 1;
		while (value >= 10) {
			value /= 10;
			digits++;
		}
		return digits;
	}

}
