package io.ridestream.producer.replay;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A ride CSV of any size, made as it is read: the header, then valid rides picked up one second apart from
 * 2020-07-01 00:00:00. Its length is known before it is read, and it is never whole in memory.
 */
final class GeneratedCsv extends InputStream {

	private static final DateTimeFormatter PICKUP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final LocalDateTime FIRST_PICKUP = LocalDateTime.of(2020, 7, 1, 0, 0);

	private static final int HEADER_LENGTH = (TestCsv.HEADER + "\n").length();

	// Every ride line has this length: the pickup times all have the same format.
	private static final int RIDE_LENGTH = (TestCsv.ride(PICKUP.format(FIRST_PICKUP)) + "\n").length();

	private final long rides;

	private long ridesMade;

	private byte[] line = (TestCsv.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);

	private int position;

	private GeneratedCsv(long rides) {
		this.rides = rides;
	}

	/** A CSV of as many rides as it takes to be at least this many bytes long. */
	static GeneratedCsv ofAtLeast(long bytes) {
		return new GeneratedCsv(Math.max(0, (bytes - HEADER_LENGTH + RIDE_LENGTH - 1) / RIDE_LENGTH));
	}

	long rides() {
		return this.rides;
	}

	long length() {
		return HEADER_LENGTH + this.rides * RIDE_LENGTH;
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		int copied = 0;
		while (copied < length) {
			if (this.position == this.line.length && !nextLine()) {
				break;
			}
			int n = Math.min(length - copied, this.line.length - this.position);
			System.arraycopy(this.line, this.position, buffer, offset + copied, n);
			this.position += n;
			copied += n;
		}
		return (copied == 0) ? -1 : copied;
	}

	private boolean nextLine() {
		if (this.ridesMade == this.rides) {
			return false;
		}
		String pickup = PICKUP.format(FIRST_PICKUP.plusSeconds(this.ridesMade++));
		this.line = (TestCsv.ride(pickup) + "\n").getBytes(StandardCharsets.US_ASCII);
		this.position = 0;
		return true;
	}

}
