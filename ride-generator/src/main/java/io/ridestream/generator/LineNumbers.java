package io.ridestream.generator;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A read-only list of line numbers held as primitive longs: a generator breaking every row of a file of
 * millions keeps 8 bytes per row instead of a boxed Long each.
 */
final class LineNumbers extends AbstractList<Long> implements RandomAccess {

	private long[] lines = new long[16];

	private int size;

	void append(long line) {
		if (this.size == this.lines.length) {
			this.lines = Arrays.copyOf(this.lines, this.size * 2);
		}
		this.lines[this.size++] = line;
	}

	@Override
	public Long get(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + this.size);
		}
		return this.lines[index];
	}

	@Override
	public int size() {
		return this.size;
	}

}
