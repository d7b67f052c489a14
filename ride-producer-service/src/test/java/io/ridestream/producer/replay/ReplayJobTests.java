package io.ridestream.producer.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayJobTests {

	private final ReplayJob job = new ReplayJob("test", new ReplayOptions(null, null, null, null), 2);

	@Test
	void countsEveryRejectedRowButKeepsOnlyTheFirst() {
		for (long line = 2; line <= 5; line++) {
			this.job.rowRead();
			this.job.rowRejected(line, "bad " + line);
		}

		ReplayJobView view = this.job.view();
		assertThat(view.rowsRead()).isEqualTo(4);
		assertThat(view.rejected()).isEqualTo(4);
		assertThat(view.rejectedRows()).containsExactly(new RejectedRow(2, "bad 2"), new RejectedRow(3, "bad 3"));
	}

	@Test
	void showsNoFinishTimeOrErrorWhileRunning() {
		ReplayJobView view = this.job.view();

		assertThat(view.state()).isEqualTo(ReplayState.RUNNING);
		assertThat(view.finishedAt()).isNull();
		assertThat(view.error()).isNull();
	}

	@Test
	void completesItsFutureWhenFinished() {
		this.job.finish(ReplayState.FAILED, "broken");

		assertThat(this.job.completion()).isCompletedWithValue(this.job);
		assertThat(this.job.view().error()).isEqualTo("broken");
		assertThat(this.job.view().finishedAt()).isNotNull();
	}

	@Test
	void cannotBeCancelledOnceFinished() {
		this.job.finish(ReplayState.COMPLETED, null);

		assertThat(this.job.cancel()).isFalse();
		assertThat(this.job.state()).isEqualTo(ReplayState.COMPLETED);
	}

}
