package io.ridestream.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's wire format for schema-registry serdes: magic byte 0, the schema id as a 4-byte big-endian int,
 * then the payload (for JSON Schema, the JSON itself; for Avro, Avro binary). JSON text never starts with byte 0, so
 * framed and plain JSON messages can be told apart.
 */
public final class WireFormat {

	public static final byte MAGIC_BYTE = 0;

	public static final int HEADER_LENGTH = 5;

	private WireFormat() {
	}

	/** The payload framed: the magic byte, the schema id, the payload. */
	public static byte[] frame(int schemaId, byte[] payload) {
		return ByteBuffer.allocate(HEADER_LENGTH + payload.length)
			.put(MAGIC_BYTE)
			.putInt(schemaId)
			.put(payload)
			.array();
	}

	/** Whether the message in {@code bytes} from {@code start}, {@code length} long, starts with the magic byte. */
	static boolean isFramed(byte[] bytes, int start, int length) {
		return length > 0 && bytes[start] == MAGIC_BYTE;
	}

	/** The schema id of the framed message in {@code bytes} from {@code start}. */
	static int schemaId(byte[] bytes, int start) {
		return ByteBuffer.wrap(bytes, start + 1, 4).getInt();
	}

}
