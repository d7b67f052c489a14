package io.ridestream.producer.replay;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Starts replay jobs, each on its own thread, and cancels them when asked or when the service stops.
 *
 * <p>A job runs in an observation of its own ({@code ridestream.replay}), a child of the request's that started it:
 * its sends continue the request's trace, and every line it logs has the trace and the replay's id
 * ({@value #REPLAY_ID_MDC} in the MDC).
 */
@Service
class ReplayService implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ReplayService.class);

	// Covers delivery.timeout.ms, so that a replay cancelled at shutdown commits its open transaction (every send
	// in it settled) before the producer closes.
	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(40);

	private final ReplayJobs jobs;

	private final RidePublisher publisher;

	private final ReplayMetrics metrics;

	private final ReplayProperties properties;

	private final ObservationRegistry observations;

	private final Set<Replay> running = ConcurrentHashMap.newKeySet();

	// Unbounded, but ReplayJobs lets no more than max-concurrent-jobs run.
	private final ExecutorService executor = Executors.newCachedThreadPool(new CustomizableThreadFactory("replay-"));

	static final String REPLAY_ID_MDC = "replayId";

	ReplayService(ReplayJobs jobs, RidePublisher publisher, ReplayMetrics metrics, ReplayProperties properties,
			ObservationRegistry observations) {
		this.jobs = jobs;
		this.publisher = publisher;
		this.metrics = metrics;
		this.properties = properties;
		this.observations = observations;
	}

	/**
	 * Starts replaying the source; the job owns the source from here on and discards it when done.
	 * @throws TooManyReplaysException if as many jobs as allowed are running
	 */
	ReplayJob start(ReplaySource source, ReplayOptions options) {
		ReplayJob job;
		try {
			job = this.jobs.register(source.description(), options);
		}
		catch (RuntimeException ex) {
			source.discard();
			throw ex;
		}
		Observation observation = Observation.createNotStarted("ridestream.replay", this.observations)
			.contextualName("replay")
			.highCardinalityKeyValue("ridestream.replay.id", job.id())
			.parentObservation(this.observations.getCurrentObservation());
		try (MDC.MDCCloseable replayId = MDC.putCloseable(REPLAY_ID_MDC, job.id())) {
			logger.info("Replay " + job.id() + " started: " + job.source() + " with " + options);
		}
		try {
			Replay replay = new Replay(job, source, this.publisher, this.metrics, this.properties);
			this.running.add(replay);
			job.completion().thenRun(() -> this.running.remove(replay));
			this.executor.execute(() -> observation.observe(() -> {
				try (MDC.MDCCloseable replayId = MDC.putCloseable(REPLAY_ID_MDC, job.id())) {
					try {
						replay.run();
					}
					finally {
						logFinished(job); // run() finishes the job, also before it rethrows an Error
					}
				}
			}));
		}
		catch (RejectedExecutionException ex) {
			source.discard();
			job.finish(ReplayState.FAILED, "The service is shutting down");
			logFinished(job);
		}
		return job;
	}

	/**
	 * Asks a running job to stop; it is {@code CANCELLED} once its open transaction has committed.
	 * @throws ReplayJobNotFoundException if there is no such job
	 * @throws ReplayJobFinishedException if the job has already finished
	 */
	ReplayJob cancel(String id) {
		ReplayJob job = this.jobs.get(id);
		if (!job.cancel()) {
			throw new ReplayJobFinishedException(job);
		}
		try (MDC.MDCCloseable replayId = MDC.putCloseable(REPLAY_ID_MDC, id)) {
			logger.info("Replay " + id + " cancel requested");
		}
		return job;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.jobs.running().forEach(ReplayJob::cancel);
		this.executor.shutdown();
		if (!this.executor.awaitTermination(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS)) {
			// Not shutdownNow: a commit cut short leaves its rides' fate unknown; it ends within commit-timeout.
			logger.warn("Replays still running after " + SHUTDOWN_GRACE.toSeconds()
					+ " s, interrupting those not committing");
			this.running.forEach(Replay::interruptUnlessCommitting);
		}
	}

	private static void logFinished(ReplayJob job) {
		ReplayJobView view = job.view();
		String message = "Replay " + view.id() + " " + view.state() + " after "
				+ Duration.between(view.startedAt(), view.finishedAt()).toMillis() + " ms: " + view.rowsRead()
				+ " rows read, " + view.published() + " published, " + view.rejected() + " rejected, "
				+ view.failed() + " failed, " + view.unknown() + " unknown";
		if (view.error() != null) {
			logger.warn(message + "; " + view.error());
		}
		else {
			logger.info(message);
		}
	}

}
