package io.ridestream.producer.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How replays run.
 *
 * @param defaultFile the CSV replayed when a request has no body, e.g. {@code file:/data/rides.csv}
 * @param maxUploadSize the largest CSV body accepted
 * @param waitTimeout how long {@code wait=true} holds the response before answering with the running job
 * @param maxConcurrentJobs how many replays may run at once
 * @param transactionSize the most rides one Kafka transaction of a replay holds; it also bounds how many rides
 * are sent and not yet acknowledged
 * @param rejectionsKept how many rejected rows a job reports
 * @param jobsKept how many jobs are remembered; the oldest finished ones are forgotten first
 * @param sourceZone the zone of the CSV's local pickup times, which become the records' timestamps
 * @param pacingMaxGap with {@code speedup}, the largest gap between pickup times that is paced; a ride picked up
 * further from the pacing clock is an outlier, sent at once ({@link Pacer})
 * @param commitTimeout how long a commit Kafka has not confirmed is retried before its rides count as unknown
 * @param uploadDir where CSV bodies are spooled while replayed; leftovers are deleted at start-up
 * @param maxUploadsInFlight how many CSV bodies may be received at once
 * @param maxUploadBytesInFlight how many bytes the CSV bodies received at once may add up to
 * @param minFreeDisk how much of the upload directory's disk an upload leaves free: one whose declared length
 * would leave less is refused
 * @param dataDir the directory whose files can be replayed by name ({@code GET /rides/files} lists them); none
 * when null
 */
@Validated
@ConfigurationProperties("ridestream.replay")
record ReplayProperties(
		@DefaultValue("classpath:data/rides.csv") @NotNull Resource defaultFile,
		@DefaultValue("1GB") @NotNull DataSize maxUploadSize,
		@DefaultValue("10m") @NotNull Duration waitTimeout,
		@DefaultValue("2") @Min(1) int maxConcurrentJobs,
		@DefaultValue("10000") @Min(1) int transactionSize,
		@DefaultValue("20") @Min(0) int rejectionsKept,
		@DefaultValue("100") @Min(1) int jobsKept,
		@DefaultValue("America/New_York") @NotNull ZoneId sourceZone,
		@DefaultValue("1h") @NotNull Duration pacingMaxGap,
		@DefaultValue("2m") @NotNull Duration commitTimeout,
		@NotNull Path uploadDir,
		@DefaultValue("4") @Min(1) int maxUploadsInFlight,
		@DefaultValue("2GB") @NotNull DataSize maxUploadBytesInFlight,
		@DefaultValue("256MB") @NotNull DataSize minFreeDisk,
		Path dataDir) {

	ReplayProperties {
		if (uploadDir == null) {
			uploadDir = Path.of(System.getProperty("java.io.tmpdir"));
		}
	}

}
