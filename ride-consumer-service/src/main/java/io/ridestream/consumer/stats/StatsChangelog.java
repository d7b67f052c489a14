package io.ridestream.consumer.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the whole statistics changelog, all of its partitions, for as long as the application runs, and keeps the
 * latest snapshot of every partition of the rides topic in {@link StatisticsService}. So every instance serves the
 * statistics of all partitions, whichever instance counts them.
 *
 * <p>A record it cannot read is logged, counted ({@code ridestream.changelog.records.skipped}) and skipped. Should
 * the reader fail anyway, it starts again from the beginning, and readiness is down meanwhile.
 *
 * <p>It reads only committed transactions ({@code read_committed}): a snapshot is visible once the offsets it was
 * counted up to are committed with it, never before and never if the transaction was aborted.
 */
@Component
public class StatsChangelog implements SmartLifecycle, MeterBinder {

	private static final Log logger = LogFactory.getLog(StatsChangelog.class);

	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration RESTART_DELAY = Duration.ofSeconds(1);

	private final KafkaProperties kafka;

	private final ChangelogProperties changelog;

	private final StatisticsService statistics;

	private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();

	private volatile Consumer<String, byte[]> consumer;

	private volatile Thread reader;

	private volatile boolean running;

	private volatile boolean loaded;

	private volatile boolean restarting;

	private final AtomicLong skipped = new AtomicLong();

	private final AtomicBoolean misplacedSeen = new AtomicBoolean();

	StatsChangelog(KafkaProperties kafka, ChangelogProperties changelog, StatisticsService statistics) {
		this.kafka = kafka;
		this.changelog = changelog;
		this.statistics = statistics;
	}

	/**
	 * Waits until every snapshot committed to the changelog before this call is in {@link StatisticsService}.
	 * @throws ChangelogUnavailableException if that takes longer than the configured catch-up timeout
	 */
	public void awaitCaughtUp() {
		CompletableFuture<Void> caughtUp = new CompletableFuture<>();
		this.catchUpRequests.add(caughtUp);
		Consumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Duration timeout = this.changelog.catchUpTimeout();
		try {
			caughtUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			caughtUp.cancel(false);
			throw new ChangelogUnavailableException("Could not read the statistics changelog '"
					+ this.changelog.topic() + "' to its end within " + timeout + " (is Kafka at "
					+ String.join(",", this.kafka.getBootstrapServers()) + " reachable?)", ex);
		}
		catch (ExecutionException ex) {
			throw new ChangelogUnavailableException("Could not read the statistics changelog '"
					+ this.changelog.topic() + "': " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ChangelogUnavailableException("Interrupted while reading the statistics changelog", ex);
		}
	}

	/** Whether the changelog has been read to the end it had when this instance started reading it. */
	public boolean loaded() {
		return this.loaded;
	}

	/**
	 * Whether the reader is reading; false while it is restarted after an unexpected failure, during which
	 * {@code /stats} stands still.
	 */
	public boolean reading() {
		return this.running && !this.restarting;
	}

	/** Changelog records skipped because this version could not read them. */
	public long skippedRecords() {
		return this.skipped.get();
	}

	@Override
	public void start() {
		this.running = true;
		this.reader = new Thread(this::readUntilStopped, "stats-changelog-reader");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** Reads, and starts reading again from the beginning if the reader fails unexpectedly. */
	private void readUntilStopped() {
		while (this.running) {
			try {
				readForever();
			}
			catch (Throwable ex) { // NOSONAR: whatever it is, /stats must not freeze while health says UP
				this.restarting = true;
				logger.error("Reading the statistics changelog failed unexpectedly; reading it again from the beginning in "
						+ RESTART_DELAY.toSeconds() + " s", ex);
				pause(RESTART_DELAY);
				this.restarting = false;
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			this.reader.join(Duration.ofSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the listener containers, so that they can restore partitions as soon as they are assigned. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 200;
	}

	private void readForever() {
		try (Consumer<String, byte[]> changelogConsumer = new KafkaConsumer<>(consumerProperties(),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			this.consumer = changelogConsumer;
			List<TopicPartition> partitions = List.of();
			List<CatchUp> waiting = new ArrayList<>();
			while (this.running) {
				try {
					if (partitions.isEmpty()) {
						partitions = assign(changelogConsumer);
						if (partitions.isEmpty()) {
							pause(POLL_TIMEOUT);
						}
						else {
							CompletableFuture<Void> initialLoad = new CompletableFuture<>();
							initialLoad.thenRun(() -> this.loaded = true);
							this.catchUpRequests.add(initialLoad);
						}
					}
					if (!partitions.isEmpty()) {
						takeRequests(changelogConsumer, partitions, waiting);
						StatisticsService.ChangelogBatch batch = new StatisticsService.ChangelogBatch();
						for (ConsumerRecord<String, byte[]> record : latestOfEachKey(changelogConsumer.poll(POLL_TIMEOUT))) {
							add(batch, record, partitions.size());
						}
						apply(batch);
						completeCaughtUp(changelogConsumer, waiting);
					}
				}
				catch (WakeupException ex) {
					// A catch-up request or stop(): go round the loop.
				}
				catch (KafkaException ex) {
					logger.warn("Reading the statistics changelog failed, trying again: " + ex.getMessage());
				}
			}
			waiting.forEach((catchUp) -> catchUp.request().cancel(false));
		}
		finally {
			this.consumer = null;
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<TopicPartition> assign(Consumer<String, byte[]> changelogConsumer) {
		List<PartitionInfo> infos = changelogConsumer.partitionsFor(this.changelog.topic(), END_OFFSETS_TIMEOUT);
		if (infos == null || infos.isEmpty()) {
			logger.info("Statistics changelog '" + this.changelog.topic() + "' not found yet");
			return List.of();
		}
		List<TopicPartition> partitions = infos.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		changelogConsumer.assign(partitions);
		changelogConsumer.seekToBeginning(partitions);
		logger.info("Reading the statistics changelog " + partitions);
		return partitions;
	}

	/** The end offsets (of committed transactions) at the time of the requests are what they wait for. */
	private void takeRequests(Consumer<String, byte[]> changelogConsumer, List<TopicPartition> partitions,
			List<CatchUp> waiting) {
		if (this.catchUpRequests.isEmpty()) {
			return;
		}
		Map<TopicPartition, Long> ends = new HashMap<>(changelogConsumer.endOffsets(partitions, END_OFFSETS_TIMEOUT));
		for (CompletableFuture<Void> request = this.catchUpRequests.poll(); request != null; request = this.catchUpRequests
			.poll()) {
			waiting.add(new CatchUp(ends, request));
		}
	}

	private void completeCaughtUp(Consumer<String, byte[]> changelogConsumer, List<CatchUp> waiting) {
		for (Iterator<CatchUp> iterator = waiting.iterator(); iterator.hasNext();) {
			CatchUp catchUp = iterator.next();
			if (catchUp.request().isDone() || caughtUp(changelogConsumer, catchUp.endOffsets())) {
				catchUp.request().complete(null);
				iterator.remove();
			}
		}
	}

	private static boolean caughtUp(Consumer<String, byte[]> changelogConsumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet()
			.stream()
			.allMatch((end) -> changelogConsumer.position(end.getKey(), END_OFFSETS_TIMEOUT) >= end.getValue());
	}

	/**
	 * The records of a poll that are the last of their key in their changelog partition, in the order read. A later
	 * record of a key replaces an earlier one, as compaction would, so the earlier one is not even parsed: a restart
	 * reads many versions of each partition's snapshot and of each window that changed over several commits.
	 */
	static List<ConsumerRecord<String, byte[]>> latestOfEachKey(ConsumerRecords<String, byte[]> records) {
		List<ConsumerRecord<String, byte[]>> latest = new ArrayList<>(records.count());
		for (TopicPartition partition : records.partitions()) {
			List<ConsumerRecord<String, byte[]>> read = records.records(partition);
			Map<String, Integer> lastOfKey = new HashMap<>();
			for (int i = 0; i < read.size(); i++) {
				lastOfKey.put(read.get(i).key(), i);
			}
			for (int i = 0; i < read.size(); i++) {
				if (lastOfKey.get(read.get(i).key()) == i) {
					latest.add(read.get(i));
				}
			}
		}
		return latest;
	}

	/** A batch that cannot be applied whole is skipped, so that the next ones still are. */
	private void apply(StatisticsService.ChangelogBatch batch) {
		try {
			this.statistics.apply(batch);
		}
		catch (RuntimeException ex) {
			this.skipped.addAndGet(batch.records());
			logger.error("Skipped " + batch.records() + " records of the statistics changelog that could not be applied",
					ex);
		}
	}

	private void add(StatisticsService.ChangelogBatch batch, ConsumerRecord<String, byte[]> record,
			int changelogPartitions) {
		try {
			if (SnapshotJson.ridesPartition(record.key()) % changelogPartitions != record.partition()) {
				misplaced(record);
				return;
			}
			if (SnapshotJson.isWindowKey(record.key())) {
				if (record.value() == null) {
					batch.evicted(SnapshotJson.parseWindowKey(record.key()), this.statistics.windowSpecs());
				}
				else {
					batch.window(SnapshotJson.readWindow(record.value()));
				}
			}
			else if (record.value() != null) {
				batch.snapshot(SnapshotJson.read(record.value()));
			}
		}
		catch (RuntimeException ex) {
			// Written by hand, by another version or broken: it says nothing this version can count on.
			this.skipped.incrementAndGet();
			logger.warn("Skipped " + record.topic() + "-" + record.partition() + "@" + record.offset() + " (key "
					+ record.key() + "), not a record this version reads: " + ex);
		}
	}

	/**
	 * Earlier builds spread a partition's records over the changelog by key hash; read in no particular order
	 * with the records written since, they could undo newer ones. They are ignored: a partition without records in
	 * its own changelog partition is counted again from the beginning of the rides topic, exactly.
	 */
	private void misplaced(ConsumerRecord<String, byte[]> record) {
		if (!this.misplacedSeen.getAndSet(true)) {
			logger.warn("Ignoring records of the statistics changelog that are not in the partition of their rides "
					+ "partition (written by an earlier version), e.g. " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " key " + record.key() + "; such partitions are counted again from the start");
		}
	}

	private Map<String, Object> consumerProperties() {
		Map<String, Object> properties = this.kafka.buildConsumerProperties();
		// Not a member of the listener's group: it reads every partition, from the beginning, every time.
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "stats-changelog-reader");
		properties.keySet().removeIf((key) -> key.startsWith("spring.deserializer."));
		return properties;
	}

	private record CatchUp(Map<TopicPartition, Long> endOffsets, CompletableFuture<Void> request) {
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("ridestream.changelog.records.skipped", this, StatsChangelog::skippedRecords)
			.description("Records of the statistics changelog skipped because this version could not read them")
			.register(registry);
	}

}
