package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ridestream.serde.RideHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ReplayArrivalsTests {

	private static final Pattern ARRIVAL = Pattern.compile("Counting the rides of replay (\\S+ from \\S+@\\d+)");

	private final StaticListableBeanFactory none = new StaticListableBeanFactory();

	private final ReplayArrivals arrivals = new ReplayArrivals(this.none.getBeanProvider(io.micrometer.tracing.Tracer.class),
			this.none.getBeanProvider(io.micrometer.tracing.propagation.Propagator.class));

	private long offset;

	@Test
	void logsWhereTheRidesOfEachReplayBeginOnAPartitionOnce(CapturedOutput output) {
		this.arrivals.seen(List.of(ride(0, "replay-a"), ride(0, "replay-a"), ride(0, "replay-a"), ride(1, "replay-b")));
		this.arrivals.seen(List.of(ride(0, "replay-a"), ride(0, "replay-a"), ride(1, "replay-b")));
		this.arrivals.seen(List.of(ride(0, "replay-a"), ride(0, "replay-c"), ride(0, "replay-c")));

		assertThat(arrivalLines(output)).containsExactly("replay-a from rides-0@0", "replay-b from rides-1@3",
				"replay-c from rides-0@8");
	}

	@Test
	void takesRecordsWithoutAReplayIdForPartOfTheReplayBeforeThem(CapturedOutput output) {
		this.arrivals.seen(List.of(ride(0, "replay-a"), ride(0, null), ride(0, "replay-a"), ride(0, null)));

		assertThat(arrivalLines(output)).containsExactly("replay-a from rides-0@0");
	}

	private ConsumerRecord<String, String> ride(int partition, String replayId) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("rides", partition, this.offset++, null, "ride");
		if (replayId != null) {
			record.headers().add(new RecordHeader(RideHeaders.REPLAY_ID, replayId.getBytes(StandardCharsets.UTF_8)));
		}
		return record;
	}

	/** "replay-a from rides-0@0" for each arrival logged, whatever the log format. */
	private static List<String> arrivalLines(CapturedOutput output) {
		List<String> lines = new ArrayList<>();
		Matcher arrival = ARRIVAL.matcher(output.getOut());
		while (arrival.find()) {
			lines.add(arrival.group(1));
		}
		return lines;
	}

}
