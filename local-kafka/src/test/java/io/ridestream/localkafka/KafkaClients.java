package io.ridestream.localkafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/** Plain kafka-clients calls the tests make against a running broker. */
final class KafkaClients {

	private KafkaClients() {
	}

	static Admin admin(String bootstrapServers) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
	}

	static void createTopic(String bootstrapServers, String topic)
			throws InterruptedException, ExecutionException, TimeoutException {
		try (Admin admin = admin(bootstrapServers)) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(15, TimeUnit.SECONDS);
		}
	}

	static Set<String> topicNames(String bootstrapServers)
			throws InterruptedException, ExecutionException, TimeoutException {
		try (Admin admin = admin(bootstrapServers)) {
			return admin.listTopics().names().get(15, TimeUnit.SECONDS);
		}
	}

	static KafkaProducer<String, String> producer(String bootstrapServers, Duration maxBlock) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis()), new StringSerializer(),
				new StringSerializer());
	}

	static void send(String bootstrapServers, String topic, String key, String value)
			throws InterruptedException, ExecutionException, TimeoutException {
		try (KafkaProducer<String, String> producer = producer(bootstrapServers, Duration.ofSeconds(15))) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(15, TimeUnit.SECONDS);
		}
	}

	/** Reads partition 0 of the topic from the beginning until {@code expected} records have arrived. */
	static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, int expected) {
		TopicPartition partition = new TopicPartition(topic, 0);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			// In this thread: a consumer is not to be used from another one.
			await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= expected;
			});
			return records;
		}
	}

}
