package io.ridestream.consumer.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.ridestream.serde.RideHeaders;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Logs where the rides of each replay begin on a partition, in the replay's trace (the W3C {@code traceparent} the
 * producer's sends put in each record) and with its id in the MDC ({@value #REPLAY_ID_MDC}): the consumer's end of
 * the trace that began with the request that started the replay. Rides are counted in batches across replays, so
 * the trace continues in this line rather than in a span per ride.
 *
 * <p>Cheap per batch: a partition's records are looked at one by one only when its batch does not begin and end
 * with the replay it brought last.
 */
@Component
class ReplayArrivals {

	static final String REPLAY_ID_MDC = "replayId";

	private static final Log logger = LogFactory.getLog(ReplayArrivals.class);

	private static final Propagator.Getter<Headers> HEADERS = (headers, name) -> {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	};

	private final Tracer tracer;

	private final Propagator propagator;

	/** The replay whose rides each partition brought last: partitions belong to one listener thread at a time. */
	private final Map<Integer, String> lastReplay = new ConcurrentHashMap<>();

	ReplayArrivals(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
	}

	/** Looks at a batch as polled: the records of each partition together, in offset order. */
	void seen(List<? extends ConsumerRecord<?, ?>> records) {
		int start = 0;
		while (start < records.size()) {
			int partition = records.get(start).partition();
			int end = start;
			while (end + 1 < records.size() && records.get(end + 1).partition() == partition) {
				end++;
			}
			String last = this.lastReplay.get(partition);
			if (last == null || !last.equals(replayId(records.get(start))) || !last.equals(replayId(records.get(end)))) {
				for (int i = start; i <= end; i++) {
					String replay = replayId(records.get(i));
					if (replay != null && !replay.equals(last)) {
						arrived(records.get(i), replay);
					}
					last = (replay != null) ? replay : last;
				}
				if (last != null) {
					this.lastReplay.put(partition, last);
				}
			}
			start = end + 1;
		}
	}

	private void arrived(ConsumerRecord<?, ?> record, String replay) {
		Span span = this.propagator.extract(record.headers(), HEADERS).name("ridestream.replay.arrival").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span);
				MDC.MDCCloseable id = MDC.putCloseable(REPLAY_ID_MDC, replay)) {
			logger.info("Counting the rides of replay " + replay + " from " + record.topic() + "-" + record.partition()
					+ "@" + record.offset());
		}
		finally {
			span.end();
		}
	}

	private static String replayId(ConsumerRecord<?, ?> record) {
		return HEADERS.get(record.headers(), RideHeaders.REPLAY_ID);
	}

}
