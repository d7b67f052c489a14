package io.ridestream.producer.replay;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.ridestream.localkafka.RestartableKafka;

import static io.ridestream.producer.replay.TestCsv.rides;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commit that times out: every ride of the transaction was acknowledged, then the broker stops before the
 * commit reaches it, and starts again once the commit has timed out. The commit is retried, as Kafka allows, and
 * the rides count as published, as a read_committed consumer sees them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.producer.properties.max.block.ms=3000",
				"spring.kafka.producer.properties.request.timeout.ms=2000",
				"spring.kafka.producer.properties.delivery.timeout.ms=6000" })
@AutoConfigureRestTestClient
@DirtiesContext
class ReplayCommitTimeoutTests {

	private static final RestartableKafka kafka = new RestartableKafka().start();

	private static final AtomicBoolean stopKafkaAtNextCommit = new AtomicBoolean();

	private static final AtomicReference<Throwable> firstCommitFailure = new AtomicReference<>();

	private static final AtomicReference<Thread> committingThread = new AtomicReference<>();

	@Autowired
	private RestTestClient client;

	private ReplayApi replays;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
	}

	@AfterAll
	static void stopKafka() throws IOException {
		kafka.close();
	}

	@BeforeEach
	void replayApi() {
		this.replays = new ReplayApi(this.client);
	}

	@Test
	void countsTheRidesOfACommitThatTimedOutAndWasRetriedAsPublished() {
		stopKafkaAtNextCommit.set(true);

		ReplayJobView job = this.replays.awaitFinished(this.replays.upload("", rides(5)).id(), Duration.ofSeconds(60));

		assertThat(firstCommitFailure.get()).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(5);
		assertThat(job.failed()).isZero();
		assertThat(RideRecords.of(kafka.bootstrapServers(), "rides", job.id())).hasSize(5);
	}

	@Test
	void completesACommitInterruptedAsTheServiceStops() {
		committingThread.set(null);
		stopKafkaAtNextCommit.set(true);
		String id = this.replays.upload("", rides(5)).id();

		// As an executor's shutdownNow would: the commit is under way, Kafka is away.
		await().atMost(Duration.ofSeconds(20)).until(() -> committingThread.get() != null);
		committingThread.get().interrupt();
		ReplayJobView job = this.replays.awaitFinished(id, Duration.ofSeconds(60));

		assertThat(job.state()).isEqualTo(ReplayState.COMPLETED);
		assertThat(job.published()).isEqualTo(5);
		assertThat(job.failed()).isZero();
		assertThat(RideRecords.of(kafka.bootstrapServers(), "rides", job.id())).hasSize(5);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StopKafkaBeforeCommit {

		/** Once armed: waits for every send, stops Kafka, commits, and starts Kafka again once that failed. */
		@Bean
		DefaultKafkaProducerFactoryCustomizer stopKafkaBeforeCommit() {
			return (factory) -> factory.addPostProcessor((producer) -> wrap(producer));
		}

		@SuppressWarnings("unchecked")
		private static <K, V> Producer<K, V> wrap(Producer<K, V> producer) {
			return (Producer<K, V>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
					new Class<?>[] { Producer.class }, (proxy, method, args) -> {
						boolean armed = method.getName().equals("commitTransaction")
								&& stopKafkaAtNextCommit.compareAndSet(true, false);
						if (armed) {
							producer.flush();
							kafka.stop();
							committingThread.set(Thread.currentThread());
						}
						try {
							return method.invoke(producer, args);
						}
						catch (InvocationTargetException ex) {
							if (armed) {
								firstCommitFailure.set(ex.getCause());
								CompletableFuture.runAsync(kafka::start);
							}
							throw ex.getCause();
						}
					});
		}

	}

}
