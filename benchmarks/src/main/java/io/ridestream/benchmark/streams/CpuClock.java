package io.ridestream.benchmark.streams;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Where the peer's JVM spends its CPU, read at the first and the last ride: on the stream thread (which calls
 * {@link #read}), on the producers' network threads, in the JIT compilers and garbage collectors, and in all.
 * The rest of the process's CPU is mostly RocksDB's native threads, the consumer's and the admin client's.
 */
final class CpuClock {

	private static final String PRODUCER_THREAD = "kafka-producer-network-thread";

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();

	private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();

	/** The CPU used so far; the stream thread's is the calling thread's. */
	CpuTimes read() {
		long producers = 0;
		for (ThreadInfo thread : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (thread != null && thread.getThreadName().startsWith(PRODUCER_THREAD)) {
				producers += Math.max(0, this.threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		long gcMillis = this.collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.filter((millis) -> millis > 0)
			.sum();
		long compilationMillis = this.compilation.isCompilationTimeMonitoringSupported()
				? this.compilation.getTotalCompilationTime() : 0;
		return new CpuTimes(this.threads.getCurrentThreadCpuTime(), producers, this.os.getProcessCpuTime(),
				compilationMillis * 1_000_000, gcMillis * 1_000_000);
	}

	/**
	 * @param streamThreadNanos CPU time of the stream thread (the one that processed the ride)
	 * @param producerThreadsNanos CPU time of the producers' network threads (the changelogs' sends)
	 * @param processNanos CPU time of the whole JVM: every thread, the garbage collector, the JIT compilers and
	 * RocksDB's native threads
	 * @param compilationNanos time the JIT compilers spent compiling: elapsed, not CPU, time summed over the
 * compiler threads (whole milliseconds)
	 * @param gcNanos time the garbage collectors report (whole milliseconds)
	 */
	record CpuTimes(long streamThreadNanos, long producerThreadsNanos, long processNanos, long compilationNanos,
			long gcNanos) {

		CpuTimes minus(CpuTimes earlier) {
			return new CpuTimes(this.streamThreadNanos - earlier.streamThreadNanos,
					this.producerThreadsNanos - earlier.producerThreadsNanos, this.processNanos - earlier.processNanos,
					this.compilationNanos - earlier.compilationNanos, this.gcNanos - earlier.gcNanos);
		}

	}

}
