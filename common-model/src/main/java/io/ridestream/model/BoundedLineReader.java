package io.ridestream.model;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines ({@code \n} or {@code \r\n}) without ever holding more than {@code maxLength}
 * characters of one line, so a file without line breaks cannot exhaust memory.
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
			sawAny = true;
			int start = this.position;
			while (this.position < this.limit && this.buffer[this.position] != '\n') {
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
				this.position++;
				break;
			}
		}
		this.lineNumber++;
		if (tooLong) {
			return TOO_LONG;
		}
		int end = this.line.length();
		if (end > 0 && this.line.charAt(end - 1) == '\r') {
			this.line.setLength(end - 1);
		}
		return this.line.toString();
	}

	/** The number of the line {@link #readLine()} returned last, counting from 1. */
	long lineNumber() {
		return this.lineNumber;
	}

	void close() throws IOException {
		this.text.close();
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
