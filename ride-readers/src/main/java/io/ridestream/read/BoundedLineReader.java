package io.ridestream.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines without ever holding more than {@code maxLength} characters of one line, so a file
 * without line breaks cannot exhaust memory. A line ends with {@code \n}, {@code \r\n} or a lone {@code \r}
 * (as {@link java.io.BufferedReader} has it): files saved by old Mac software end their lines with {@code \r}
 * only, and reading such a file as one line would reject all of its rows together.
 */
final class BoundedLineReader {

	/** What {@link #readLine()} returns for a line longer than the limit; the line itself is skipped. */
	static final String TOO_LONG = new String("<line too long>");

	private final Reader text;

	private final int maxLength;

	private final char[] buffer = new char[8192];

	private final StringBuilder line = new StringBuilder(256);

	private int position;

	private int limit;

	private long lineNumber;

	/** Whether the last line ended with {@code \r}, so a {@code \n} that follows belongs to that break. */
	private boolean afterCarriageReturn;

	BoundedLineReader(Reader text, int maxLength) {
		this.text = text;
		this.maxLength = maxLength;
	}

	/** The next line without its terminator, {@link #TOO_LONG}, or {@code null} at the end of the text. */
	String readLine() throws IOException {
		this.line.setLength(0);
		boolean tooLong = false;
		boolean sawAny = false;
		while (true) {
			if (this.position == this.limit && !fill()) {
				if (!sawAny) {
					return null;
				}
				break;
			}
			if (this.afterCarriageReturn) {
				this.afterCarriageReturn = false;
				if (this.buffer[this.position] == '\n') {
					this.position++;
					continue;
				}
			}
			sawAny = true;
			int start = this.position;
			while (this.position < this.limit && !isLineBreak(this.buffer[this.position])) {
				this.position++;
			}
			int length = this.position - start;
			if (!tooLong && this.line.length() + length > this.maxLength) {
				tooLong = true;
				this.line.setLength(0);
			}
			if (!tooLong) {
				this.line.append(this.buffer, start, length);
			}
			if (this.position < this.limit) {
				this.afterCarriageReturn = this.buffer[this.position] == '\r';
				this.position++;
				break;
			}
		}
		this.lineNumber++;
		return tooLong ? TOO_LONG : this.line.toString();
	}

	/** The number of the line {@link #readLine()} returned last, counting from 1. */
	long lineNumber() {
		return this.lineNumber;
	}

	void close() throws IOException {
		this.text.close();
	}

	private static boolean isLineBreak(char c) {
		return c == '\n' || c == '\r';
	}

	private boolean fill() throws IOException {
		int read = this.text.read(this.buffer);
		if (read <= 0) {
			return false;
		}
		this.position = 0;
		this.limit = read;
		return true;
	}

}
