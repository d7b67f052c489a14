package io.ridestream.producer.replay;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A replay job as the API shows it. Once the state is no longer {@code RUNNING},
 * {@code rowsRead = published + rejected + failed + unknown}.
 *
 * @param id the job's id
 * @param state where the job is
 * @param source what is replayed
 * @param options how it is replayed
 * @param rowsRead data rows taken from the CSV so far
 * @param published rides in Kafka transactions that committed: what read_committed consumers see
 * @param rejected rows that are not valid rides
 * @param failed rides Kafka did not take
 * @param unknown rides of a transaction whose commit Kafka did not confirm: they may or may not be published
 * @param startedAt when the job started
 * @param finishedAt when the job finished, or {@code null} while it runs
 * @param error why the job failed, or {@code null}
 * @param rejectedRows the first rejected rows
 */
@JsonPropertyOrder({ "id", "state", "source", "options", "rowsRead", "published", "rejected", "failed", "unknown",
		"startedAt",
		"finishedAt", "error", "rejectedRows" })
record ReplayJobView(String id, ReplayState state, String source, ReplayOptions options, long rowsRead,
		long published, long rejected, long failed, long unknown, Instant startedAt, Instant finishedAt, String error,
		List<RejectedRow> rejectedRows) {

}
