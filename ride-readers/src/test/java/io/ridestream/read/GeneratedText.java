package io.ridestream.read;

import java.io.Reader;
import java.util.Arrays;

/**
 * Text made up as it is read: a prefix, then one character repeated any number of times, then a suffix. It
 * holds none of it, so a test can stream a line far larger than the heap would hold.
 */
public final class GeneratedText extends Reader {

	private final String prefix;

	private final char fill;

	private final String suffix;

	private final long length;

	private long position;

	public GeneratedText(String prefix, char fill, long fillCount, String suffix) {
		this.prefix = prefix;
		this.fill = fill;
		this.suffix = suffix;
		this.length = prefix.length() + fillCount + suffix.length();
	}

	@Override
	public int read(char[] buffer, int offset, int count) {
		if (this.position == this.length) {
			return -1;
		}
		int read = (int) Math.min(count, this.length - this.position);
		long fillStart = this.prefix.length();
		long suffixStart = this.length - this.suffix.length();
		for (int i = 0; i < read;) {
			long at = this.position + i;
			if (at < fillStart) {
				buffer[offset + i++] = this.prefix.charAt((int) at);
			}
			else if (at < suffixStart) {
				int run = (int) Math.min(read - i, suffixStart - at);
				Arrays.fill(buffer, offset + i, offset + i + run, this.fill);
				i += run;
			}
			else {
				buffer[offset + i++] = this.suffix.charAt((int) (at - suffixStart));
			}
		}
		this.position += read;
		return read;
	}

	@Override
	public void close() {
	}

}
