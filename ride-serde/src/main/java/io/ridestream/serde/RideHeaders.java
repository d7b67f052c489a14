package io.ridestream.serde;

/**
 * The headers of a record of the rides topic, as the producer service writes them and the consumer service reads
 * them, all UTF-8 text.
 */
public final class RideHeaders {

	/** The replay that sent the ride. */
	public static final String REPLAY_ID = "ridestream-replay-id";

	/** The ride's line (CSV) or row (Parquet) in the replayed file. */
	public static final String SOURCE_LINE = "ridestream-source-line";

	/**
	 * When the ride was handed to the producer, in milliseconds since the epoch: the record timestamp is usually the
	 * pickup time, so lag and latency are measured from this. Written last, so that {@code lastHeader} finds it first.
	 */
	public static final String SENT_AT = "ridestream-sent-at";

	private RideHeaders() {
	}

}
