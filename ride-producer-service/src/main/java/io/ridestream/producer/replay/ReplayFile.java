package io.ridestream.producer.replay;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A file of the data directory that can be replayed by name, as {@code GET /rides/files} shows it.
 *
 * @param name its name in the data directory: what {@code POST /rides/replay?file=} takes
 * @param size its size in bytes
 * @param format what it is, told from its first bytes
 * @param dataset the TLC dataset it holds, or {@code null} when that cannot be told
 */
@JsonPropertyOrder({ "name", "size", "format", "dataset" })
record ReplayFile(String name, long size, FileFormat format, String dataset) {

}
