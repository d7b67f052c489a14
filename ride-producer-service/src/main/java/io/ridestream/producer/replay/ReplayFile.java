package io.ridestream.producer.replay;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.ridestream.model.Dataset;

/**
 * A file of the data directory that can be replayed by name, as {@code GET /rides/files} shows it.
 *
 * @param name its name in the data directory: what {@code POST /rides/replay?file=} takes
 * @param size its size in bytes
 * @param format what it is, told from its first bytes: {@code csv}, {@code csv.gz} or {@code parquet}
 * @param dataset the TLC dataset its header or Parquet schema names, or {@code null} when it names none
 */
@JsonPropertyOrder({ "name", "size", "format", "dataset" })
record ReplayFile(String name, long size, String format, Dataset dataset) {

}
