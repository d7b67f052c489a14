package io.ridestream.serde;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Arrays;
import io.ridestream.model.Ride;
import io.ridestream.model.Dataset;
import io.ridestream.model.PlainTimestamps;

/**
 * Writes and reads the JSON of a {@link Ride} byte by byte, for the millions of rides a replay sends and the
 * consumer counts: Jackson's data binding costs several times more per ride, and much more while the JIT compiler
 * is still busy with its code.
 *
 * <p>{@link #write} gives the very bytes {@link RideJson}'s mapper writes (tests compare them on real, generated
 * and edge-case rides). {@link #read} reads what that mapper writes, and any other JSON of the same plain shape
 * (fields in any order, whitespace, optional fields left out), to the ride the strict mapper would read; anything
 * else (unknown or repeated keys, escapes, exponents, numbers of more than 18 digits, a value of the wrong type, a
 * missing required field, trailing content) it declines, for the mapper to read or to explain.
 */
final class RideJsonFastPath implements JsonFastPath<Ride> {

	static final RideJsonFastPath INSTANCE = new RideJsonFastPath();

	/** The keys in the order the mapper writes them, {@link Ride}'s component order. */
	private static final String[] KEYS = { "dataset", "VendorID", "tpep_pickup_datetime", "tpep_dropoff_datetime",
			"passenger_count", "trip_distance", "RatecodeID", "store_and_fwd_flag", "PULocationID", "DOLocationID",
			"payment_type", "fare_amount", "extra", "mta_tax", "tip_amount", "tolls_amount", "improvement_surcharge",
			"total_amount", "congestion_surcharge", "airport_fee", "cbd_congestion_fee", "ehail_fee", "trip_type",
			"dispatching_base_num", "SR_Flag", "Affiliated_base_number" };

	private static final int DATASET = 0, VENDOR = 1, PICKUP = 2, DROPOFF = 3, PASSENGERS = 4, DISTANCE = 5,
			RATE_CODE = 6, STORE_AND_FORWARD = 7, PICKUP_LOCATION = 8, DROPOFF_LOCATION = 9, PAYMENT = 10, FARE = 11,
			EXTRA = 12, MTA_TAX = 13, TIP = 14, TOLLS = 15, IMPROVEMENT = 16, TOTAL = 17, CONGESTION = 18,
			AIRPORT = 19, CBD_CONGESTION = 20, EHAIL = 21, TRIP_TYPE = 22, DISPATCHING_BASE = 23, SHARED_RIDE = 24,
			AFFILIATED_BASE = 25;

	/** The fields no ride is without; which others a ride needs depends on its dataset, as Ride checks. */
	private static final int REQUIRED = bits(PICKUP, DROPOFF);

	private static final byte[][] KEY_BYTES = Arrays.stream(KEYS)
		.map((key) -> key.getBytes(StandardCharsets.US_ASCII))
		.toArray(byte[][]::new);

	/** What precedes each value when written: {@code {"VendorID":}, {@code ,"tpep_pickup_datetime":}, ... */
	private static final byte[][] PREFIXES = new byte[KEYS.length][];

	static {
		for (int i = 0; i < KEYS.length; i++) {
			PREFIXES[i] = (((i == 0) ? "{\"" : ",\"") + KEYS[i] + "\":").getBytes(StandardCharsets.US_ASCII);
		}
	}

	private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

	private static final byte[][] DATASET_VALUES = Arrays.stream(Dataset.values())
		.map((dataset) -> ('"' + dataset.wireName() + '"').getBytes(StandardCharsets.US_ASCII))
		.toArray(byte[][]::new);

	/** The JSON of most rides fits; a larger one grows it. */
	private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[512]);

	private RideJsonFastPath() {
	}

	@Override
	public boolean acceptedBySchema(Ride ride) {
		return RideConstraints.accepts(ride);
	}

	// --- Writing ------------------------------------------------------------------------------------------------

	@Override
	public byte[] write(Ride ride) {
		if (!PlainTimestamps.isPlain(ride.pickupTime()) || !PlainTimestamps.isPlain(ride.dropoffTime())) {
			return null;
		}
		Output out = new Output(BUFFERS.get());
		out.key(DATASET).dataset(ride.dataset());
		out.key(VENDOR).integer(ride.vendorId());
		out.key(PICKUP).timestamp(ride.pickupTime());
		out.key(DROPOFF).timestamp(ride.dropoffTime());
		out.key(PASSENGERS).integer(ride.passengerCount());
		out.key(DISTANCE).decimal(ride.tripDistance());
		out.key(RATE_CODE).integer(ride.rateCodeId());
		out.key(STORE_AND_FORWARD).flag(ride.storeAndForwardFlag());
		out.key(PICKUP_LOCATION).integer(ride.pickupLocationId());
		out.key(DROPOFF_LOCATION).integer(ride.dropoffLocationId());
		out.key(PAYMENT).integer(ride.paymentType());
		out.key(FARE).decimal(ride.fareAmount());
		out.key(EXTRA).decimal(ride.extra());
		out.key(MTA_TAX).decimal(ride.mtaTax());
		out.key(TIP).decimal(ride.tipAmount());
		out.key(TOLLS).decimal(ride.tollsAmount());
		out.key(IMPROVEMENT).decimal(ride.improvementSurcharge());
		out.key(TOTAL).decimal(ride.totalAmount());
		out.key(CONGESTION).decimal(ride.congestionSurcharge());
		// Fields added in version 2 of the schema are left out when null, as the mapper does.
		if (ride.airportFee() != null) {
			out.key(AIRPORT).decimal(ride.airportFee());
		}
		if (ride.cbdCongestionFee() != null) {
			out.key(CBD_CONGESTION).decimal(ride.cbdCongestionFee());
		}
		if (ride.ehailFee() != null) {
			out.key(EHAIL).decimal(ride.ehailFee());
		}
		if (ride.tripType() != null) {
			out.key(TRIP_TYPE).integer(ride.tripType());
		}
		if (ride.dispatchingBaseNumber() != null) {
			out.key(DISPATCHING_BASE).text(ride.dispatchingBaseNumber());
		}
		if (ride.sharedRideFlag() != null) {
			out.key(SHARED_RIDE).integer(ride.sharedRideFlag());
		}
		if (ride.affiliatedBaseNumber() != null) {
			out.key(AFFILIATED_BASE).text(ride.affiliatedBaseNumber());
		}
		out.put((byte) '}');
		BUFFERS.set(out.bytes);
		return Arrays.copyOf(out.bytes, out.length);
	}

	private static final class Output {

		private byte[] bytes;

		private int length;

		Output(byte[] bytes) {
			this.bytes = bytes;
		}

		Output key(int field) {
			return put(PREFIXES[field]);
		}

		Output put(byte[] ascii) {
			ensure(ascii.length);
			System.arraycopy(ascii, 0, this.bytes, this.length, ascii.length);
			this.length += ascii.length;
			return this;
		}

		Output put(byte b) {
			ensure(1);
			this.bytes[this.length++] = b;
			return this;
		}

		void integer(Integer value) {
			if (value == null) {
				put(NULL);
			}
			else {
				integer(value.intValue());
			}
		}

		void integer(long value) {
			ensure(20);
			if (value < 0) {
				this.bytes[this.length++] = '-';
				value = -value; // no long value of a ride's int or decimal is Long.MIN_VALUE
			}
			int digits = 1;
			for (long rest = value / 10; rest != 0; rest /= 10) {
				digits++;
			}
			for (int i = this.length + digits - 1; i >= this.length; i--) {
				this.bytes[i] = (byte) ('0' + value % 10);
				value /= 10;
			}
			this.length += digits;
		}

		void timestamp(LocalDateTime time) {
			ensure(PlainTimestamps.LENGTH + 2);
			this.bytes[this.length++] = '"';
			PlainTimestamps.write(time, this.bytes, this.length);
			this.length += PlainTimestamps.LENGTH;
			this.bytes[this.length++] = '"';
		}

		/** As {@link BigDecimal#toPlainString()}, which is what the mapper writes. */
		void decimal(BigDecimal value) {
			if (value == null) {
				put(NULL);
				return;
			}
			int scale = value.scale();
			if (scale < 0 || scale > 17 || value.precision() > 18) {
				put(value.toPlainString().getBytes(StandardCharsets.US_ASCII));
				return;
			}
			// Not unscaledValue(): it makes a BigInteger of every amount.
			long unscaled = value.scaleByPowerOfTen(scale).longValue();
			if (scale == 0) {
				integer(unscaled);
				return;
			}
			ensure(scale + 22);
			if (unscaled < 0) {
				this.bytes[this.length++] = '-';
				unscaled = -unscaled;
			}
			long pow = 1;
			for (int i = 0; i < scale; i++) {
				pow *= 10;
			}
			integer(unscaled / pow);
			this.bytes[this.length++] = '.';
			long fraction = unscaled % pow;
			for (int i = this.length + scale - 1; i >= this.length; i--) {
				this.bytes[i] = (byte) ('0' + fraction % 10);
				fraction /= 10;
			}
			this.length += scale;
		}

		void dataset(Dataset dataset) {
			put(DATASET_VALUES[dataset.ordinal()]);
		}

		/** A base number: printable ASCII other than quote and backslash, as Ride allows, needs no escapes. */
		void text(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"' || c == '\\') {
					put(RideJson.MAPPER.writeValueAsBytes(text)); // escaped as the mapper escapes
					return;
				}
			}
			ensure(text.length() + 2);
			this.bytes[this.length++] = '"';
			for (int i = 0; i < text.length(); i++) {
				this.bytes[this.length++] = (byte) text.charAt(i);
			}
			this.bytes[this.length++] = '"';
		}

		void flag(String flag) {
			// Ride allows only Y, N or none.
			if (flag == null) {
				put(NULL);
			}
			else {
				ensure(3);
				this.bytes[this.length++] = '"';
				this.bytes[this.length++] = (byte) flag.charAt(0);
				this.bytes[this.length++] = '"';
			}
		}

		private void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
			}
		}

	}

	// --- Reading ------------------------------------------------------------------------------------------------

	@Override
	public Ride read(byte[] json, int offset, int length) {
		try {
			return new Input(json, offset, offset + length).ride();
		}
		catch (Declined | DateTimeException | IllegalArgumentException | NullPointerException ex) {
			// Not of the plain shape, or not a valid ride: the mapper reads it, or says what is wrong.
			return null;
		}
	}

	/** Thrown where the JSON leaves the plain shape; cheap, as it carries no stack trace. */
	private static final class Declined extends RuntimeException {

		private static final Declined INSTANCE = new Declined();

		private Declined() {
			super(null, null, false, false);
		}

	}

	private static final class Input {

		private final byte[] json;

		private final int end;

		private int at;

		private final Object[] values = new Object[KEYS.length];

		private int seen;

		Input(byte[] json, int start, int end) {
			this.json = json;
			this.at = start;
			this.end = end;
		}

		Ride ride() {
			expect('{');
			int expected = 0;
			if (skipWhitespace() != '}') {
				do {
					int field = key(expected);
					if ((this.seen & (1 << field)) != 0) {
						throw Declined.INSTANCE; // the mapper decides which of the two counts
					}
					this.seen |= 1 << field;
					expect(':');
					this.values[field] = value(field);
					expected = field + 1;
				}
				while (next() == ',');
				this.at--;
			}
			expect('}');
			if (skipWhitespace() != -1 || (this.seen & REQUIRED) != REQUIRED) {
				throw Declined.INSTANCE;
			}
			Object[] v = this.values;
			return new Ride((Dataset) v[DATASET], (Integer) v[VENDOR], (LocalDateTime) v[PICKUP], (LocalDateTime) v[DROPOFF],
					(Integer) v[PASSENGERS], (BigDecimal) v[DISTANCE], (Integer) v[RATE_CODE],
					(String) v[STORE_AND_FORWARD], (Integer) v[PICKUP_LOCATION], (Integer) v[DROPOFF_LOCATION],
					(Integer) v[PAYMENT], (BigDecimal) v[FARE], (BigDecimal) v[EXTRA], (BigDecimal) v[MTA_TAX],
					(BigDecimal) v[TIP], (BigDecimal) v[TOLLS], (BigDecimal) v[IMPROVEMENT], (BigDecimal) v[TOTAL],
					(BigDecimal) v[CONGESTION], (BigDecimal) v[AIRPORT], (BigDecimal) v[CBD_CONGESTION],
					(BigDecimal) v[EHAIL], (Integer) v[TRIP_TYPE], (String) v[DISPATCHING_BASE],
					(Integer) v[SHARED_RIDE], (String) v[AFFILIATED_BASE]);
		}

		/** The field the next key names; tried first: the one after the previous, the order rides are written. */
		private int key(int expected) {
			expect('"');
			int start = this.at;
			int close = start;
			while (close < this.end && this.json[close] != '"') {
				if (this.json[close] == '\\') {
					throw Declined.INSTANCE;
				}
				close++;
			}
			if (close == this.end) {
				throw Declined.INSTANCE;
			}
			this.at = close + 1;
			if (expected < KEYS.length && named(expected, start, close)) {
				return expected;
			}
			for (int field = 0; field < KEYS.length; field++) {
				if (named(field, start, close)) {
					return field;
				}
			}
			throw Declined.INSTANCE; // an unknown key: a newer ride, for the mapper
		}

		private boolean named(int field, int start, int end) {
			return Arrays.equals(KEY_BYTES[field], 0, KEY_BYTES[field].length, this.json, start, end);
		}

		private Object value(int field) {
			if (skipWhitespace() == 'n') {
				literalNull();
				return null;
			}
			return switch (field) {
				case VENDOR, PASSENGERS, RATE_CODE, PICKUP_LOCATION, DROPOFF_LOCATION, PAYMENT, TRIP_TYPE, SHARED_RIDE ->
					integer();
				case PICKUP, DROPOFF -> timestamp();
				case STORE_AND_FORWARD -> flag();
				case DATASET -> dataset();
				case DISPATCHING_BASE, AFFILIATED_BASE -> text();
				default -> decimal();
			};
		}

		private void literalNull() {
			if (this.end - this.at < 4 || this.json[this.at + 1] != 'u' || this.json[this.at + 2] != 'l'
					|| this.json[this.at + 3] != 'l') {
				throw Declined.INSTANCE;
			}
			this.at += 4;
		}

		private Integer integer() {
			boolean negative = sign();
			int start = this.at;
			long number = wholeDigits();
			int next = peek();
			if (this.at - start > 10 || next == '.' || next == 'e' || next == 'E') {
				throw Declined.INSTANCE; // no integer from a decimal
			}
			long value = negative ? -number : number;
			if (value != (int) value) {
				throw Declined.INSTANCE; // out of range: the mapper says so
			}
			return (int) value;
		}

		/** A JSON number without exponent: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}, at most 18 digits. */
		private BigDecimal decimal() {
			boolean negative = sign();
			int start = this.at;
			long unscaled = wholeDigits();
			int integerDigits = this.at - start;
			int scale = 0;
			if (peek() == '.') {
				this.at++;
				int fractionStart = this.at;
				unscaled = digits(unscaled);
				scale = this.at - fractionStart;
				if (scale == 0) {
					throw Declined.INSTANCE;
				}
			}
			int next = peek();
			if (next == 'e' || next == 'E' || integerDigits + scale > 18) {
				throw Declined.INSTANCE;
			}
			return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
		}

		/** Whether a minus sign comes next, consumed. */
		private boolean sign() {
			boolean negative = peek() == '-';
			if (negative) {
				this.at++;
			}
			return negative;
		}

		/** The digits of a number before its point: at least one, no leading zero. */
		private long wholeDigits() {
			int start = this.at;
			long number = digits(0);
			int count = this.at - start;
			if (count == 0 || (count > 1 && this.json[start] == '0') || count > 18) {
				throw Declined.INSTANCE;
			}
			return number;
		}

		private long digits(long number) {
			while (this.at < this.end && this.json[this.at] >= '0' && this.json[this.at] <= '9') {
				number = number * 10 + (this.json[this.at++] - '0'); // overflow declined by the digit count
			}
			return number;
		}

		private LocalDateTime timestamp() {
			expect('"');
			int close = this.at + PlainTimestamps.LENGTH;
			if (close >= this.end || this.json[close] != '"' || this.json[this.at + 10] != 'T') {
				throw Declined.INSTANCE;
			}
			LocalDateTime time = PlainTimestamps
				.parse(new String(this.json, this.at, PlainTimestamps.LENGTH, StandardCharsets.ISO_8859_1));
			if (time == null) {
				throw Declined.INSTANCE;
			}
			this.at = close + 1;
			return time;
		}

		private Dataset dataset() {
			String name = text();
			for (Dataset dataset : Dataset.values()) {
				if (dataset.wireName().equals(name)) {
					return dataset;
				}
			}
			throw Declined.INSTANCE;
		}

		/** A string of printable ASCII without escapes; anything else is the mapper's to read. */
		private String text() {
			expect('"');
			int start = this.at;
			while (this.at < this.end && this.json[this.at] != '"') {
				byte c = this.json[this.at];
				if (c == '\\' || c < ' ' || c >= 127) {
					throw Declined.INSTANCE;
				}
				this.at++;
			}
			if (this.at == this.end) {
				throw Declined.INSTANCE;
			}
			String text = new String(this.json, start, this.at - start, StandardCharsets.US_ASCII);
			this.at++;
			return text;
		}

		private String flag() {
			expect('"');
			if (this.end - this.at < 2 || this.json[this.at + 1] != '"') {
				throw Declined.INSTANCE;
			}
			byte flag = this.json[this.at];
			this.at += 2;
			return switch (flag) {
				case 'Y' -> "Y";
				case 'N' -> "N";
				default -> throw Declined.INSTANCE;
			};
		}

		private void expect(char c) {
			if (skipWhitespace() != c) {
				throw Declined.INSTANCE;
			}
			this.at++;
		}

		/** The next byte after whitespace, consumed. */
		private int next() {
			int c = skipWhitespace();
			this.at++;
			return c;
		}

		/** The next byte that is not JSON whitespace, not consumed; -1 at the end. */
		private int skipWhitespace() {
			while (this.at < this.end) {
				byte c = this.json[this.at];
				if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
					return c;
				}
				this.at++;
			}
			return -1;
		}

		private int peek() {
			return (this.at < this.end) ? this.json[this.at] : -1;
		}

	}

	private static int bits(int... fields) {
		int bits = 0;
		for (int field : fields) {
			bits |= 1 << field;
		}
		return bits;
	}

}
