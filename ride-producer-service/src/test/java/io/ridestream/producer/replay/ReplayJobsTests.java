package io.ridestream.producer.replay;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReplayJobsTests {

	private static final ReplayOptions OPTIONS = new ReplayOptions(null, null, null, null);

	private final ReplayJobs jobs = new ReplayJobs(properties(2, 3));

	@Test
	void listsJobsNewestFirst() {
		ReplayJob first = finished(this.jobs.register("first", OPTIONS));
		ReplayJob second = this.jobs.register("second", OPTIONS);

		assertThat(this.jobs.newestFirst()).containsExactly(second, first);
	}

	@Test
	void refusesAJobBeyondTheConcurrencyLimit() {
		this.jobs.register("first", OPTIONS);
		this.jobs.register("second", OPTIONS);

		assertThatExceptionOfType(TooManyReplaysException.class).isThrownBy(() -> this.jobs.register("third", OPTIONS))
			.withMessageStartingWith("2 replays are running");
	}

	@Test
	void freesASlotWhenAJobFinishes() {
		finished(this.jobs.register("first", OPTIONS));
		this.jobs.register("second", OPTIONS);

		assertThat(this.jobs.register("third", OPTIONS).isRunning()).isTrue();
		assertThat(this.jobs.runningCount()).isEqualTo(2);
	}

	@Test
	void forgetsTheOldestFinishedJobsBeyondTheNumberKept() {
		ReplayJob running = this.jobs.register("running", OPTIONS);
		ReplayJob oldestFinished = finished(this.jobs.register("oldest finished", OPTIONS));
		ReplayJob finished = finished(this.jobs.register("finished", OPTIONS));
		ReplayJob newest = this.jobs.register("newest", OPTIONS);

		assertThat(this.jobs.newestFirst()).containsExactly(newest, finished, running);
		assertThatExceptionOfType(ReplayJobNotFoundException.class).isThrownBy(() -> this.jobs.get(oldestFinished.id()))
			.withMessage("No replay job has id '" + oldestFinished.id() + "'");
	}

	@Test
	void findsAJobById() {
		ReplayJob job = this.jobs.register("job", OPTIONS);

		assertThat(this.jobs.get(job.id())).isSameAs(job);
	}

	private static ReplayJob finished(ReplayJob job) {
		job.finish(ReplayState.COMPLETED, null);
		return job;
	}

	private static ReplayProperties properties(int maxConcurrentJobs, int jobsKept) {
		return new ReplayProperties(new ByteArrayResource(new byte[0]), DataSize.ofMegabytes(1), Duration.ofSeconds(1),
				maxConcurrentJobs, 10, 2, jobsKept, ZoneId.of("America/New_York"), Duration.ofHours(1),
				Duration.ofMinutes(2), null, 4, DataSize.ofMegabytes(200), DataSize.ofMegabytes(256), null);
	}

}
