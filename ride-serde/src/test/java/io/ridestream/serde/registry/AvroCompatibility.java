package io.ridestream.serde.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent Schema Registry's compatibility rules for Avro, which are Apache Avro's schema resolution rules: the
 * registry asks Avro's {@link SchemaCompatibility} whether a reader with one schema can read data written with the
 * other, as this does. BACKWARD: the update reads data written with the original; FORWARD: the original reads data
 * written with the update; FULL: both.
 */
final class AvroCompatibility {

	private AvroCompatibility() {
	}

	/**
	 * Why {@code update} may not follow {@code original} at this level, in the shape of Confluent's messages
	 * ({@code {errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'...'}}); empty when it may.
	 */
	static List<String> incompatibilities(String level, String original, String update) {
		Schema before = new Schema.Parser().parse(original);
		Schema after = new Schema.Parser().parse(update);
		List<String> messages = new ArrayList<>();
		if (level.startsWith("BACKWARD") || level.startsWith("FULL")) {
			messages.addAll(problems(after, before));
		}
		if (level.startsWith("FORWARD") || level.startsWith("FULL")) {
			messages.addAll(problems(before, after));
		}
		return messages;
	}

	private static List<String> problems(Schema reader, Schema writer) {
		return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
			.getResult()
			.getIncompatibilities()
			.stream()
			.map(AvroCompatibility::message)
			.toList();
	}

	private static String message(Incompatibility incompatibility) {
		return "{errorType:'" + incompatibility.getType() + "', description:'" + incompatibility.getMessage()
				+ "', location:'" + incompatibility.getLocation() + "'}";
	}

}
