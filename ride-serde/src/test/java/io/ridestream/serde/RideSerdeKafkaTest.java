package io.ridestream.serde;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ridestream.serde.registry.FakeSchemaRegistry;
import io.ridestream.serde.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import io.ridestream.model.Ride;
import io.ridestream.model.Dataset;
import io.ridestream.read.BundledRides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Rides through a real broker, with the registry that Confluent's clients would talk to. */
@EmbeddedKafka(partitions = 1, topics = { RideSerdeKafkaTest.RIDES, RideSerdeKafkaTest.VERSION_1_RIDES,
		RideSerdeKafkaTest.VERSION_2_RIDES, RideSerdeKafkaTest.RIDES_WHILE_REGISTRY_DOWN })
class RideSerdeKafkaTest {

	static final String RIDES = "rides";

	static final String VERSION_1_RIDES = "rides-version-1";

	static final String VERSION_2_RIDES = "rides-version-2";

	static final String RIDES_WHILE_REGISTRY_DOWN = "rides-while-registry-down";

	private final FakeSchemaRegistry registry = FakeSchemaRegistry.start();

	@AfterEach
	void closeRegistry() {
		this.registry.close();
	}

	@Test
	void carriesEveryBundledRideThroughKafkaWithOneRegistryCallEachWay(EmbeddedKafkaBroker kafka) {
		List<Ride> rides = BundledRides.read();

		send(kafka, RIDES, RideSerializer.class, rides);
		List<Ride> received = receive(kafka, RIDES, RideDeserializer.class, rides.size());

		assertThat(received).containsExactlyElementsOf(rides);
		assertThat(this.registry.requests()).extracting(FakeSchemaRegistry.Request::method, FakeSchemaRegistry.Request::path)
			.containsExactly(tuple("POST", "/subjects/rides-value/versions"),
					tuple("GET", "/schemas/ids/1"));
	}

	@Test
	void readsRidesWrittenWithTheFirstVersionOfTheSchemaAsYellowRides(EmbeddedKafkaBroker kafka) {
		List<RideVersion1> older = BundledRides.read().stream().limit(20).map(RideVersion1::of).toList();

		send(kafka, VERSION_1_RIDES, RideVersion1.Serializer.class, older);
		List<Ride> received = receive(kafka, VERSION_1_RIDES, RideDeserializer.class, older.size());

		assertThat(this.registry.schemas("rides-version-1-value")).containsExactly(RideVersion1.SCHEMA);
		assertThat(received).containsExactlyElementsOf(older.stream().map(RideVersion1::toRide).toList())
			.extracting(Ride::dataset)
			.containsOnly(Dataset.YELLOW);
	}

	@Test
	void letsAConsumerOfTheFirstVersionReadYellowRidesOfTheSecond(EmbeddedKafkaBroker kafka) {
		this.registry.register("rides-version-2-value", RideVersion1.SCHEMA);
		List<Ride> rides = BundledRides.read().stream().limit(20).toList();

		send(kafka, VERSION_2_RIDES, RideSerializer.class, rides);
		List<RideVersion1> received = receive(kafka, VERSION_2_RIDES, RideVersion1.Deserializer.class, rides.size());

		assertThat(this.registry.schemas("rides-version-2-value")).containsExactly(RideVersion1.SCHEMA,
				RideSchema.json());
		assertThat(received).extracting(RideVersion1::toRide).containsExactlyElementsOf(rides);
	}

	@Test
	void sendsNothingWithoutASchemaIdWhenTheRegistryIsDown(EmbeddedKafkaBroker kafka) throws Exception {
		Map<String, Object> configs = new HashMap<>();
		configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
		configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RideSerializer.class);
		try (ServerSocket socket = new ServerSocket(0)) {
			configs.put("schema.registry.url", "http://127.0.0.1:" + socket.getLocalPort());
		}
		try (KafkaProducer<String, Ride> producer = new KafkaProducer<>(configs)) {
			assertThatExceptionOfType(SchemaRegistryException.class)
				.isThrownBy(() -> producer.send(new ProducerRecord<>(RIDES_WHILE_REGISTRY_DOWN, RideJsonTest.RIDE)))
				.withMessageContaining("is unreachable");
		}

		send(kafka, RIDES_WHILE_REGISTRY_DOWN, RideSerializer.class, List.of(RideJsonTest.RIDE));

		assertThat(receive(kafka, RIDES_WHILE_REGISTRY_DOWN, RideDeserializer.class, 1)).containsExactly(RideJsonTest.RIDE);
	}

	private <T> void send(EmbeddedKafkaBroker kafka, String topic, Class<? extends Serializer<?>> serializer,
			List<T> rides) {
		Map<String, Object> configs = registryConfigs();
		configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
		configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, serializer);
		try (KafkaProducer<String, T> producer = new KafkaProducer<>(configs)) {
			rides.forEach((ride) -> producer.send(new ProducerRecord<>(topic, ride)));
			producer.flush();
		}
	}

	private <T> List<T> receive(EmbeddedKafkaBroker kafka, String topic, Class<? extends Deserializer<?>> deserializer,
			int count) {
		Map<String, Object> configs = registryConfigs();
		configs.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
		configs.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
		configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, deserializer);
		List<T> received = new ArrayList<>();
		try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(configs)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(100))) {
					received.add(record.value());
				}
				return received.size() >= count;
			});
		}
		return received;
	}

	private Map<String, Object> registryConfigs() {
		Map<String, Object> configs = new HashMap<>();
		configs.put("schema.registry.url", this.registry.url());
		configs.put("auto.register.schemas", "true");
		configs.put("json.fail.invalid.schema", "true");
		return configs;
	}

}
