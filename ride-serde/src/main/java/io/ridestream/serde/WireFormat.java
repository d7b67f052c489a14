package io.ridestream.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format for schema-registry serdes: magic byte 0, the schema id as a 4-byte big-endian int,
 * then the payload (for JSON Schema, the JSON itself). JSON text never starts with byte 0, so framed and plain
 * JSON messages can be told apart.
 */
final class WireFormat {

	static final byte MAGIC_BYTE = 0;

	static final int HEADER_LENGTH = 5;

	private WireFormat() {
	}

	static byte[] frame(int schemaId, byte[] payload) {
		return ByteBuffer.allocate(HEADER_LENGTH + payload.length)
			.put(MAGIC_BYTE)
			.putInt(schemaId)
			.put(payload)
			.array();
	}

	static boolean isFramed(byte[] message) {
		return message.length > 0 && message[0] == MAGIC_BYTE;
	}

	static int schemaId(byte[] framed) {
		return ByteBuffer.wrap(framed, 1, 4).getInt();
	}

}
