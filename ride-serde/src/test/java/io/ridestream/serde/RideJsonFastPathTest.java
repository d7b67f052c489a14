package io.ridestream.serde;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import io.ridestream.model.Ride;
import io.ridestream.model.Decimals;
import io.ridestream.model.PlainTimestamps;
import io.ridestream.read.BundledRides;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-by-byte ride JSON must be indistinguishable from Jackson's: the same bytes written, the same ride read,
 * and whatever it does not read exactly is left to Jackson. Compared on the bundled rides, on random rides with
 * every shape of value a ride may hold, and on JSON written differently or broken in many ways.
 */
class RideJsonFastPathTest {

	private static final RideJsonFastPath FAST = RideJsonFastPath.INSTANCE;

	private final Random random = new Random(20261125);

	@Test
	void writesTheBytesTheMapperWritesForEveryBundledRide() {
		for (Ride ride : BundledRides.read()) {
			assertThat(FAST.write(ride)).as("%s", ride).isEqualTo(RideJson.MAPPER.writeValueAsBytes(ride));
		}
	}

	@Test
	void writesTheBytesTheMapperWritesForRandomRidesOrLeavesThemToIt() {
		int written = 0;
		for (int i = 0; i < 20_000; i++) {
			Ride ride = randomRide();
			byte[] fast = FAST.write(ride);
			if (fast != null) {
				assertThat(new String(fast, StandardCharsets.UTF_8)).as("%s", ride)
					.isEqualTo(new String(RideJson.MAPPER.writeValueAsBytes(ride), StandardCharsets.UTF_8));
				written++;
			}
			else {
				assertThat(PlainTimestamps.isPlain(ride.pickupTime()) && PlainTimestamps.isPlain(ride.dropoffTime()))
					.as("only date-times of another shape are left to the mapper: %s", ride)
					.isFalse();
			}
		}
		assertThat(written).isGreaterThan(18_000);
	}

	@Test
	void readsEveryRideItWritesAsTheStrictMapperReadsIt() {
		for (int i = 0; i < 20_000; i++) {
			byte[] json = FAST.write(randomRide());
			if (json != null) {
				String text = new String(json, StandardCharsets.UTF_8);
				// Not always the ride written: JSON keeps no negative scales (2.2E+2 is written 220).
				assertThat(readFast(text)).as(text).isNotNull().isEqualTo(readStrictly(text));
			}
		}
	}

	@Test
	void readsTheRideTheStrictMapperReadsFromJsonWrittenOtherwise() {
		int read = 0;
		while (read < 20_000) {
			Ride ride = randomRide();
			if (!PlainTimestamps.isPlain(ride.pickupTime()) || !PlainTimestamps.isPlain(ride.dropoffTime())) {
				continue; // date-times of another shape are left to the mapper
			}
			ObjectNode json = (ObjectNode) RideJson.MAPPER.valueToTree(ride);
			for (String variant : List.of(RideJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json),
					shuffled(json), withoutOptionalFields(json), "  \n" + written(json) + "\t\r\n ")) {
				Ride fast = readFast(variant);
				assertThat(fast).as(variant).isEqualTo(readStrictly(variant)).isNotNull();
				read++;
			}
		}
		assertThat(read).isEqualTo(20_000);
	}

	@Test
	void readsNothingTheStrictMapperWouldReadDifferentlyOrNotAtAll() {
		List<String> messages = new ArrayList<>();
		for (Ride ride : BundledRides.read().subList(0, 20)) {
			String json = new String(RideJson.MAPPER.writeValueAsBytes(ride), StandardCharsets.UTF_8);
			messages.addAll(rewritings(json));
			for (int i = 0; i < 200; i++) {
				messages.add(mutated(json));
			}
		}
		int declined = 0;
		for (String message : messages) {
			Ride fast = readFast(message);
			if (fast == null) {
				declined++;
			}
			else {
				assertThat(readStrictly(message)).as(message).isEqualTo(fast);
			}
		}
		assertThat(declined).as("messages left to the mapper").isGreaterThan(messages.size() / 2);
	}

	@Test
	void leavesUnknownAndRepeatedKeysExponentsAndEscapesToTheMapper() {
		String json = new String(RideJson.MAPPER.writeValueAsBytes(BundledRides.read().get(0)), StandardCharsets.UTF_8);
		assertThat(readFast(json)).isNotNull();
		assertThat(readFast(json.replace("{", "{\"future_fee\":1.25,"))).as("unknown key").isNull();
		assertThat(readFast(json.replace("{", "{\"VendorID\":2,"))).as("repeated key").isNull();
		assertThat(readFast(json.replace("\"extra\":0.5", "\"extra\":5E-1"))).as("exponent").isNull();
		assertThat(readFast(json.replace("\"store_and_fwd_flag\":\"N\"", "\"store_and_fwd_flag\":\"\\u004E\"")))
			.as("escape")
			.isNull();
		assertThat(readFast(json + "{}")).as("trailing content").isNull();
		assertThat(readFast(json.replace("\"VendorID\":1", "\"VendorID\":1.0"))).as("integer as decimal").isNull();
		assertThat(readFast(json.replaceAll("\"fare_amount\":[^,]+,", ""))).as("field yellow rides need left out")
			.isNull();
	}

	private static Ride readFast(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		// Read from within a larger array, as the deserializer reads past a schema registry header.
		byte[] framed = new byte[bytes.length + 7];
		System.arraycopy(bytes, 0, framed, 5, bytes.length);
		return FAST.read(framed, 5, bytes.length);
	}

	private static Ride readStrictly(String json) {
		try {
			return RideJson.STRICT_MAPPER.readValue(json, Ride.class);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The same ride written in other ways, and broken in ways that are easy to miss. */
	private static List<String> rewritings(String json) {
		List<String> rewritings = new ArrayList<>();
		for (String[] change : new String[][] { { ":1,", ":01," }, { ":1,", ":-0," }, { ":1,", ":1e0," },
				{ ":1,", ":\"1\"," }, { ":1,", ":true," }, { ":1,", ":2147483648," }, { ":1,", ":-2147483649," },
				{ ":1,", ":999999999," }, { ":1,", ":1000000000," }, { ":0.5,", ":.5," }, { ":0.5,", ":0.," },
				{ ":0.5,", ":-0.50," }, { ":0.5,", ":0.5000000000000000001," }, { ":0.5,", ":123456789012345678," },
				{ ":0.5,", ":1234567890123456789," }, { ":0.5,", ":null," }, { ":0.5,", ":NaN," }, { "T", " " },
				{ "T", "t" }, { ":\"N\"", ":\"n\"" }, { ":\"N\"", ":\"NN\"" }, { ":\"N\"", ":\"\"" },
				{ ":\"N\"", ":null" }, { ":\"N\"", ":nul" }, { ":\"N\"", ":N" }, { "\"congestion_surcharge\"", "\"x\"" },
				{ "\"VendorID\"", "\"vendorid\"" }, { ",", " , " }, { ":", " : " }, { "}", ",}" }, { "{", "{," },
				{ "}", "" }, { "{", "[" }, { "-", "/" }, { ":", "::" } }) {
			rewritings.add(json.replaceFirst(java.util.regex.Pattern.quote(change[0]),
					java.util.regex.Matcher.quoteReplacement(change[1])));
			rewritings.add(json.replace(change[0], change[1]));
		}
		for (int end = 0; end < json.length(); end += 7) {
			rewritings.add(json.substring(0, end));
		}
		return rewritings;
	}

	/** The JSON with one to three bytes replaced, inserted or removed at random places. */
	private String mutated(String json) {
		StringBuilder text = new StringBuilder(json);
		String alphabet = "0123456789-.eE\"{}[],: nulYN\\tx";
		for (int i = 0, n = 1 + this.random.nextInt(3); i < n; i++) {
			int at = this.random.nextInt(text.length());
			char c = alphabet.charAt(this.random.nextInt(alphabet.length()));
			switch (this.random.nextInt(3)) {
				case 0 -> text.setCharAt(at, c);
				case 1 -> text.insert(at, c);
				default -> text.deleteCharAt(at);
			}
		}
		return text.toString();
	}

	private String shuffled(ObjectNode json) {
		List<String> names = new ArrayList<>(json.propertyNames());
		Collections.shuffle(names, this.random);
		ObjectNode shuffled = json.objectNode();
		names.forEach((name) -> shuffled.set(name, json.get(name)));
		return written(shuffled);
	}

	private static String withoutOptionalFields(ObjectNode json) {
		ObjectNode without = json.deepCopy();
		without.remove(List.of("passenger_count", "RatecodeID", "store_and_fwd_flag", "payment_type",
				"congestion_surcharge"));
		return written(without);
	}

	/** As the mapper writes it: decimals plain, never in exponent notation. */
	private static String written(ObjectNode json) {
		return RideJson.MAPPER.writeValueAsString(json);
	}

	/** A ride with values of every shape the record allows: nulls, signs, scales, sizes, odd date-times. */
	private Ride randomRide() {
		LocalDateTime pickup = dateTime();
		return new Ride(integer(), pickup, this.random.nextInt(50) == 0 ? dateTime() : pickup.plusMinutes(12),
				nullable(integer()), decimal(), nullable(integer()), nullable(this.random.nextBoolean() ? "Y" : "N"),
				integer(), integer(), nullable(integer()), decimal(), decimal(), decimal(), decimal(), decimal(),
				decimal(), decimal(), nullable(decimal()));
	}

	private LocalDateTime dateTime() {
		LocalDateTime time = LocalDateTime.of(2000 + this.random.nextInt(30), 1 + this.random.nextInt(12),
				1 + this.random.nextInt(28), this.random.nextInt(24), this.random.nextInt(60), this.random.nextInt(60));
		return switch (this.random.nextInt(200)) {
			case 0 -> time.withNano(1 + this.random.nextInt(999_999_999));
			case 1 -> time.withYear(-1 - this.random.nextInt(5000));
			case 2 -> time.withYear(10_000 + this.random.nextInt(5000));
			case 3 -> time.withYear(this.random.nextInt(1000));
			default -> time;
		};
	}

	private int integer() {
		return switch (this.random.nextInt(10)) {
			case 0 -> this.random.nextInt();
			case 1 -> -this.random.nextInt(10);
			case 2 -> (this.random.nextBoolean()) ? Integer.MAX_VALUE : Integer.MIN_VALUE;
			default -> this.random.nextInt(300);
		};
	}

	/** Decimals as rides have them, and the shapes Ride allows beyond: up to 12 integer digits, scale up to 6. */
	private BigDecimal decimal() {
		return switch (this.random.nextInt(12)) {
			case 0 -> BigDecimal.valueOf(this.random.nextLong() % 1_000_000_000_000L, this.random.nextInt(7));
			case 1 -> new BigDecimal(BigInteger.valueOf(this.random.nextInt(1000)), -this.random.nextInt(4));
			case 2 -> BigDecimal.valueOf(this.random.nextInt(1000), 6 + this.random.nextInt(6)).setScale(6,
					java.math.RoundingMode.DOWN).setScale(6 + this.random.nextInt(6));
			case 3 -> new BigDecimal("999999999999.999999");
			case 4 -> BigDecimal.ZERO.setScale(this.random.nextInt(7));
			default -> BigDecimal.valueOf(this.random.nextInt(20_000) - 2_000, this.random.nextInt(3));
		};
	}

	private <T> T nullable(T value) {
		return (this.random.nextInt(8) == 0) ? null : value;
	}

}
