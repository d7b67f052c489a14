package io.ridestream.serde;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import io.ridestream.model.Ride;
import io.ridestream.read.BundledRides;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serdes skip validating a ride's JSON tree when a check of the typed ride shows the schema accepts it. That
 * fast path must change no outcome: each serde is compared, on valid rides and on every kind of broken one, with a
 * serde of the same schema that always validates the tree.
 */
class SchemaFastPathTest {

	private static final List<Ride> RIDES = BundledRides.read();

	private static final Map<String, String> VALIDATING = Map.of();

	@Test
	void serializerWritesTheSameBytesAndRejectsTheSameRidesAsFullValidation() {
		RideSerializer fast = new RideSerializer();
		fast.configure(VALIDATING, false);
		JsonSchemaSerializer<Ride> full = new JsonSchemaSerializer<>(RideSchema.json());
		full.configure(VALIDATING, false);
		List<Ride> rides = new ArrayList<>(RIDES);
		rides.addAll(brokenRides(RIDES.get(0)));
		rides.addAll(brokenRides(RIDES.get(1)));

		int rejected = 0;
		for (Ride ride : rides) {
			Outcome expected = Outcome.of(() -> full.serialize("rides", ride));
			assertThat(Outcome.of(() -> fast.serialize("rides", ride))).as("%s", ride).isEqualTo(expected);
			rejected += expected.failure() != null ? 1 : 0;
		}
		assertThat(rejected).as("broken rides among them").isGreaterThanOrEqualTo(20);
	}

	@Test
	void deserializerReadsTheSameRidesAndRejectsTheSameMessagesAsFullValidation() {
		RideDeserializer fast = new RideDeserializer();
		fast.configure(VALIDATING, false);
		JsonSchemaDeserializer<Ride> full = new JsonSchemaDeserializer<>(Ride.class, RideSchema.json());
		full.configure(VALIDATING, false);
		List<byte[]> messages = new ArrayList<>();
		RIDES.forEach((ride) -> messages.add(RideJson.write(ride)));
		messages.addAll(brokenMessages(RIDES.get(0)));
		messages.addAll(brokenMessages(RIDES.get(3)));

		int accepted = 0;
		int rejected = 0;
		for (byte[] message : messages) {
			Outcome expected = Outcome.of(() -> full.deserialize("rides", message));
			assertThat(Outcome.of(() -> fast.deserialize("rides", message)))
				.as("%s", new String(message, StandardCharsets.UTF_8))
				.isEqualTo(expected);
			if (expected.failure() == null) {
				accepted++;
			}
			else {
				rejected++;
			}
		}
		assertThat(accepted).isGreaterThan(RIDES.size());
		assertThat(rejected).as("broken messages among them").isGreaterThanOrEqualTo(100);
	}

	@Test
	void deserializerWithoutValidationReadsTheSameRidesAndRejectsTheSameMessagesAsTheMapper() {
		Map<String, String> notValidating = Map.of("json.fail.invalid.schema", "false");
		RideDeserializer fast = new RideDeserializer();
		fast.configure(notValidating, false);
		JsonSchemaDeserializer<Ride> full = new JsonSchemaDeserializer<>(Ride.class, RideSchema.json());
		full.configure(notValidating, false);
		List<byte[]> messages = new ArrayList<>();
		RIDES.forEach((ride) -> messages.add(RideJson.write(ride)));
		messages.addAll(brokenMessages(RIDES.get(0)));
		messages.addAll(brokenMessages(RIDES.get(3)));

		int accepted = 0;
		for (byte[] message : messages) {
			Outcome expected = Outcome.of(() -> full.deserialize("rides", message));
			assertThat(Outcome.of(() -> fast.deserialize("rides", message)))
				.as("%s", new String(message, StandardCharsets.UTF_8))
				.isEqualTo(expected);
			accepted += (expected.failure() == null) ? 1 : 0;
		}
		assertThat(accepted).isGreaterThan(RIDES.size()).isLessThan(messages.size());
	}

	/** Rides the record allows but the schema does not, and some on the edges it does allow. */
	private static List<Ride> brokenRides(Ride ride) {
		List<UnaryOperator<Ride>> changes = new ArrayList<>();
		for (int value : new int[] { -1, 0, 1 }) {
			changes.add((r) -> with(r, "VendorID", value));
			changes.add((r) -> with(r, "PULocationID", value));
			changes.add((r) -> with(r, "DOLocationID", value));
			changes.add((r) -> with(r, "passenger_count", value));
			changes.add((r) -> with(r, "RatecodeID", value));
			changes.add((r) -> with(r, "payment_type", value));
		}
		changes.add((r) -> with(r, "trip_distance", new BigDecimal("-0.01")));
		changes.add((r) -> with(r, "trip_distance", BigDecimal.ZERO));
		for (int year : new int[] { -1, 0, 9999, 10000 }) {
			changes.add((r) -> with(r, "tpep_pickup_datetime", r.pickupTime().withYear(year)));
			changes.add((r) -> with(r, "tpep_dropoff_datetime", r.dropoffTime().withYear(year)));
		}
		changes.add((r) -> with(r, "tpep_pickup_datetime", LocalDateTime.parse("2020-07-01T00:25")));
		changes.add((r) -> with(r, "tpep_pickup_datetime", LocalDateTime.parse("2020-07-01T00:25:32.123456789")));
		return changes.stream().map((change) -> change.apply(ride)).toList();
	}

	/** The ride's JSON with each field in turn removed, nulled or replaced by a value of another shape. */
	private static List<byte[]> brokenMessages(Ride ride) {
		ObjectNode json = (ObjectNode) RideJson.MAPPER.valueToTree(ride);
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		List<JsonNode> replacements = List.of(nodes.nullNode(), nodes.stringNode("1"), nodes.stringNode("1.5"),
				nodes.stringNode(""), nodes.numberNode(1.5), nodes.numberNode(new BigDecimal("1.0")),
				nodes.numberNode(-1), nodes.numberNode(0), nodes.numberNode(3_000_000_000L), nodes.booleanNode(true),
				nodes.arrayNode(), nodes.arrayNode().add(2020).add(7).add(1).add(0).add(25), nodes.objectNode(),
				nodes.numberNode(new BigDecimal("1e400")), nodes.numberNode(1_593_563_132L), nodes.stringNode("Y"),
				nodes.stringNode("y"), nodes.stringNode("2020-07-01T00:25:32"), nodes.stringNode("2020-07-01 00:25:32"),
				nodes.stringNode("2020-07-01T00:25:32Z"), nodes.stringNode("2020-07-01T00:25:32+02:00"),
				nodes.stringNode("2020-07-01T00:25:32.1234567891"), nodes.stringNode("2020-02-30T00:25:32"),
				nodes.stringNode("+10000-07-01T00:25:32"), nodes.stringNode("2020-07-01T24:00"),
				nodes.stringNode("2020-07-01T00:25:32\n"));
		List<byte[]> messages = new ArrayList<>();
		json.propertyNames().forEach((field) -> {
			ObjectNode without = json.deepCopy();
			without.remove(field);
			messages.add(RideJson.MAPPER.writeValueAsBytes(without));
			for (JsonNode replacement : replacements) {
				ObjectNode changed = json.deepCopy();
				changed.set(field, replacement);
				messages.add(RideJson.MAPPER.writeValueAsBytes(changed));
			}
		});
		messages.add("[]".getBytes(StandardCharsets.UTF_8));
		messages.add("{}".getBytes(StandardCharsets.UTF_8));
		messages.add("not json".getBytes(StandardCharsets.UTF_8));
		messages.add((new String(RideJson.write(ride), StandardCharsets.UTF_8) + " trailing").getBytes(StandardCharsets.UTF_8));
		return messages;
	}

	private static Ride with(Ride ride, String field, Object value) {
		ObjectNode json = (ObjectNode) RideJson.MAPPER.valueToTree(ride);
		json.set(field, RideJson.MAPPER.valueToTree(value));
		return RideJson.MAPPER.treeToValue(json, Ride.class);
	}

	/** What a serde did: the value (or bytes) it gave, or the class and message of what it threw. */
	private record Outcome(Object value, String failure) {

		static Outcome of(java.util.function.Supplier<?> serde) {
			try {
				Object value = serde.get();
				return new Outcome((value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : value,
						null);
			}
			catch (RuntimeException ex) {
				return new Outcome(null, ex.getClass().getName() + ": " + ex.getMessage());
			}
		}

	}

}
