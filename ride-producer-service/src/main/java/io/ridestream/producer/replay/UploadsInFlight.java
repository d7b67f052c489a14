package io.ridestream.producer.replay;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Bounds the uploads being received at once, in number and in bytes, so that slow or stalled uploads can neither
 * hold every request thread nor fill the disk. An upload holds its share from its first byte until it is spooled.
 */
@Component
class UploadsInFlight {

	private final int maxUploads;

	private final long maxBytes;

	private final Semaphore uploads;

	private final AtomicLong bytes = new AtomicLong();

	UploadsInFlight(ReplayProperties properties) {
		this.maxUploads = properties.maxUploadsInFlight();
		this.maxBytes = properties.maxUploadBytesInFlight().toBytes();
		this.uploads = new Semaphore(this.maxUploads);
	}

	/**
	 * Takes a place for one more upload.
	 * @throws TooManyUploadsException if as many as allowed are being received
	 */
	Upload start() {
		if (!this.uploads.tryAcquire()) {
			throw new TooManyUploadsException(this.maxUploads + " uploads are being received, which is the most"
					+ " allowed at once (ridestream.replay.max-uploads-in-flight); retry when one has finished");
		}
		return new Upload();
	}

	/** How many uploads are being received now. */
	int receiving() {
		return this.maxUploads - this.uploads.availablePermits();
	}

	/** One upload's share, released on close. */
	final class Upload implements AutoCloseable {

		private long reserved;

		private boolean closed;

		/**
		 * Reserves room for the upload to be this large, if it has not yet.
		 * @throws TooManyUploadsException if the uploads being received would pass the bytes allowed
		 */
		void growTo(long size) {
			long more = size - this.reserved;
			if (more <= 0) {
				return;
			}
			if (UploadsInFlight.this.bytes.addAndGet(more) > UploadsInFlight.this.maxBytes) {
				UploadsInFlight.this.bytes.addAndGet(-more);
				throw new TooManyUploadsException("The uploads being received would pass the "
						+ UploadsInFlight.this.maxBytes + " bytes allowed at once"
						+ " (ridestream.replay.max-upload-bytes-in-flight); retry when one has finished");
			}
			this.reserved = size;
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				UploadsInFlight.this.bytes.addAndGet(-this.reserved);
				UploadsInFlight.this.uploads.release();
			}
		}

	}

}
