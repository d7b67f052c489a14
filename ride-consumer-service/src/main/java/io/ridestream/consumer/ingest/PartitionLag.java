package io.ridestream.consumer.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How far behind each partition this instance counts is, published per partition:
 * {@code ridestream.consumer.lag.records}, the records between what the listener has counted and the end of the
 * partition (the consumer's own lag, as of its last fetch), and {@code ridestream.consumer.lag.seconds}, how long ago
 * the last ride it counted was sent while records are left (0 once caught up; NaN when that ride's send time is
 * unknown: no {@code ridestream-sent-at} header and a record timestamp that is not recent). The seconds are an upper
 * bound of how long the next ride has waited: it was sent after the last one counted.
 *
 * <p>Measured on the listener threads, after each batch and when idle; a partition taken away stops being published
 * here (its new owner publishes it).
 */
@Component
class PartitionLag {

	private final MeterRegistry meters;

	private final String topic;

	private final Map<Integer, Lag> partitions = new ConcurrentHashMap<>();

	@Autowired
	PartitionLag(MeterRegistry meters, TopicProperties topic) {
		this(meters, topic.name());
	}

	PartitionLag(MeterRegistry meters, String topic) {
		this.meters = meters;
		this.topic = topic;
	}

	/** Notes the send time of the last ride of each partition in these records, which were counted. */
	void counted(List<? extends ConsumerRecord<?, ?>> records) {
		long now = System.currentTimeMillis();
		for (int i = 0; i < records.size(); i++) {
			ConsumerRecord<?, ?> record = records.get(i);
			boolean lastOfItsPartition = i + 1 == records.size() || records.get(i + 1).partition() != record.partition();
			if (lastOfItsPartition) {
				lag(record.partition()).lastSentAt = SendTime.ofOrRecentTimestamp(record, now);
			}
		}
	}

	/** Reads the consumer's lag of each partition of the topic assigned to it; on its own thread. */
	void measure(Consumer<?, ?> consumer) {
		for (TopicPartition partition : consumer.assignment()) {
			if (partition.topic().equals(this.topic)) {
				OptionalLong records = consumer.currentLag(partition);
				lag(partition.partition()).records = records.isPresent() ? records.getAsLong() : Lag.UNKNOWN;
			}
		}
	}

	/** Stops publishing the lag of partitions taken from this instance. */
	void forget(Collection<Integer> taken) {
		for (Integer partition : taken) {
			Lag lag = this.partitions.remove(partition);
			if (lag != null) {
				this.meters.remove(lag.records());
				this.meters.remove(lag.seconds());
			}
		}
	}

	private Lag lag(int partition) {
		return this.partitions.computeIfAbsent(partition, (number) -> new Lag(this.meters, number));
	}

	/** One partition's figures and the gauges that publish them. */
	private static final class Lag {

		static final long UNKNOWN = -1;

		volatile long records = UNKNOWN;

		volatile long lastSentAt = SendTime.UNKNOWN;

		private final Gauge recordsGauge;

		private final Gauge secondsGauge;

		Lag(MeterRegistry meters, int partition) {
			String tag = Integer.toString(partition);
			this.recordsGauge = Gauge.builder("ridestream.consumer.lag.records", this, Lag::recordsValue)
				.description("Records of the partition not counted yet (the consumer's lag as of its last fetch)")
				.tag("partition", tag)
				.strongReference(true)
				.register(meters);
			this.secondsGauge = Gauge.builder("ridestream.consumer.lag.seconds", this, Lag::secondsValue)
				.description("While records of the partition are left to count, how long ago the last ride counted "
						+ "was sent; 0 when caught up")
				.tag("partition", tag)
				.baseUnit("seconds")
				.strongReference(true)
				.register(meters);
		}

		Gauge records() {
			return this.recordsGauge;
		}

		Gauge seconds() {
			return this.secondsGauge;
		}

		private double recordsValue() {
			long records = this.records;
			return (records == UNKNOWN) ? Double.NaN : records;
		}

		private double secondsValue() {
			long records = this.records;
			long sentAt = this.lastSentAt;
			if (records == 0) {
				return 0;
			}
			if (records == UNKNOWN || sentAt == SendTime.UNKNOWN) {
				return Double.NaN;
			}
			return Math.max(0, System.currentTimeMillis() - sentAt) / 1000.0;
		}

	}

}
