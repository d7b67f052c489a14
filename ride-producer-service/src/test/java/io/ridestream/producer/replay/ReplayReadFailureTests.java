package io.ridestream.producer.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.ridestream.read.RideFiles;
import io.ridestream.read.RideReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replays whose CSV cannot be read to its end, on a real broker: every job ends in a final state with the rows
 * read before the failure counted, and cancel always ends a job.
 */
@SpringBootTest(properties = "ridestream.replay.transaction-size=100")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ReplayReadFailureTests {

	@Autowired
	private RidePublisher publisher;

	@Autowired
	private ReplayMetrics metrics;

	@Autowired
	private ReplayProperties properties;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Test
	void countsEveryRowReadBeforeAReadFailure() {
		// Not a multiple of the read-ahead's chunk size: the last chunk is partly filled when reading fails.
		int rows = ReadAhead.CHUNK_ROWS * 2 + 100;
		ReplayJob job = run(source(TestCsv.rides(rows), failing(new IOException("disk gone"))));

		ReplayJobView view = awaitFinished(job);
		assertThat(view.state()).isEqualTo(ReplayState.FAILED);
		assertThat(view.error()).startsWith("Reading test CSV failed: ").endsWith("disk gone");
		assertThat(view.rowsRead()).isEqualTo(rows);
		assertThat(view.rowsRead()).isEqualTo(view.published() + view.rejected() + view.failed());
		assertThat(view.published()).as("the rides read before the failure").isEqualTo(rows);
		assertThat(RideRecords.published(this.broker, "rides", view)).hasSize(rows);
	}

	@Test
	void failsAJobWhoseCsvReaderDiesOfAnError() {
		ReplayJob job = run(source(TestCsv.rides(10), failing(new TestError("reader broken"))));

		ReplayJobView view = awaitFinished(job);
		assertThat(view.state()).isEqualTo(ReplayState.FAILED);
		assertThat(view.error()).contains("reader broken");
		assertThat(view.rowsRead()).isEqualTo(view.published() + view.rejected() + view.failed());
	}

	@Test
	void failsAJobWhenAnErrorEscapesTheReplay() {
		ReplayJob job = run(new TestSource(() -> {
			throw new TestError("cannot open");
		}));

		ReplayJobView view = awaitFinished(job);
		assertThat(view.state()).isEqualTo(ReplayState.FAILED);
		assertThat(view.error()).contains("cannot open");
	}

	@Test
	void cancelEndsAJobWhoseCsvReaderIsStuck() {
		BlockingInputStream stuck = new BlockingInputStream();
		ReplayJob job = run(source(TestCsv.rides(10), stuck));
		await().atMost(Duration.ofSeconds(10)).until(() -> stuck.reading.getCount() == 0);

		job.cancel();

		ReplayJobView view = awaitFinished(job);
		assertThat(view.state()).isEqualTo(ReplayState.CANCELLED);
		assertThat(view.rowsRead()).isEqualTo(view.published() + view.rejected() + view.failed());
	}

	private ReplayJob run(ReplaySource source) {
		ReplayJob job = new ReplayJob(source.description(), new ReplayOptions(null, null, null, null), 20);
		Thread thread = new Thread(new Replay(job, source, this.publisher, this.metrics, this.properties), "replay-test");
		thread.setDaemon(true);
		thread.start();
		return job;
	}

	private static ReplayJobView awaitFinished(ReplayJob job) {
		return await().atMost(Duration.ofSeconds(20)).until(job::view, (view) -> view.state() != ReplayState.RUNNING);
	}

	private static TestSource source(String csv, InputStream after) {
		return new TestSource(() -> new SequenceInputStream(
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), after));
	}

	/** A stream that fails with this throwable when read. */
	private static InputStream failing(Throwable failure) {
		return new InputStream() {
			@Override
			public int read() throws IOException {
				if (failure instanceof IOException io) {
					throw io;
				}
				throw (Error) failure;
			}
		};
	}

	/** A stream whose read blocks until the reading thread is interrupted. */
	private static final class BlockingInputStream extends InputStream {

		private final CountDownLatch never = new CountDownLatch(1);

		private final CountDownLatch reading = new CountDownLatch(1);

		@Override
		public int read() throws IOException {
			this.reading.countDown();
			try {
				this.never.await();
				return -1;
			}
			catch (InterruptedException ex) {
				throw new InterruptedIOException("interrupted");
			}
		}

	}

	private interface Opener {

		InputStream open() throws IOException;

	}

	private record TestSource(Opener opener) implements ReplaySource {

		@Override
		public String description() {
			return "test CSV";
		}

		@Override
		public RideReader reader() throws IOException {
			return RideFiles.open(this.opener.open());
		}

	}

	private static final class TestError extends Error {

		TestError(String message) {
			super(message);
		}

	}

}
