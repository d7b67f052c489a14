package io.ridestream.producer.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The recent replay jobs, oldest first. Enforces how many may run at once and forgets the oldest finished ones
 * beyond the number kept.
 */
@Component
class ReplayJobs {

	private final int maxConcurrentJobs;

	private final int jobsKept;

	private final int rejectionsKept;

	// Guarded by this; insertion order is start order.
	private final Map<String, ReplayJob> jobs = new LinkedHashMap<>();

	ReplayJobs(ReplayProperties properties) {
		this.maxConcurrentJobs = properties.maxConcurrentJobs();
		this.jobsKept = properties.jobsKept();
		this.rejectionsKept = properties.rejectionsKept();
	}

	/**
	 * Fails fast, before a request body is read, when no job could start now.
	 * @throws TooManyReplaysException if as many jobs as allowed are running
	 */
	synchronized void requireCapacity() {
		if (runningCount() >= this.maxConcurrentJobs) {
			throw new TooManyReplaysException(this.maxConcurrentJobs);
		}
	}

	/**
	 * Registers a new running job.
	 * @throws TooManyReplaysException if as many jobs as allowed are running
	 */
	synchronized ReplayJob register(String source, ReplayOptions options) {
		requireCapacity();
		ReplayJob job = new ReplayJob(source, options, this.rejectionsKept);
		this.jobs.put(job.id(), job);
		forgetOldestFinished();
		return job;
	}

	/**
	 * The job with this id.
	 * @throws ReplayJobNotFoundException if there is none, or it has been forgotten
	 */
	synchronized ReplayJob get(String id) {
		ReplayJob job = this.jobs.get(id);
		if (job == null) {
			throw new ReplayJobNotFoundException(id);
		}
		return job;
	}

	synchronized List<ReplayJob> newestFirst() {
		List<ReplayJob> jobs = new ArrayList<>(this.jobs.values());
		Collections.reverse(jobs);
		return jobs;
	}

	synchronized List<ReplayJob> running() {
		return this.jobs.values().stream().filter(ReplayJob::isRunning).toList();
	}

	synchronized int runningCount() {
		return running().size();
	}

	private void forgetOldestFinished() {
		Iterator<ReplayJob> oldestFirst = this.jobs.values().iterator();
		int excess = this.jobs.size() - this.jobsKept;
		while (excess > 0 && oldestFirst.hasNext()) {
			if (!oldestFirst.next().isRunning()) {
				oldestFirst.remove();
				excess--;
			}
		}
	}

}
