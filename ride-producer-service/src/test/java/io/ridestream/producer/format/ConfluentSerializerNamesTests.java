package io.ridestream.producer.format;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ConfluentSerializerNamesTests {

	private final ConfluentSerializerNames names = new ConfluentSerializerNames(Supplier<Log>::get);

	@Test
	void takesConfluentsAvroSerializerForTheAvroFormat() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.kafka.producer.value-serializer",
				"io.confluent.kafka.serializers.KafkaAvroSerializer");

		this.names.postProcessEnvironment(environment, new SpringApplication());

		assertThat(format(environment)).isEqualTo(RideFormat.AVRO);
		assertThat(Binder.get(environment).bind("spring.kafka.producer.value-serializer", Class.class).get())
			.isEqualTo(io.ridestream.serde.RideSerializer.class);
	}

	@Test
	void takesConfluentsJsonSchemaSerializerForTheJsonSchemaFormat() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.kafka.producer.value-serializer",
				"io.confluent.kafka.serializers.json.KafkaJsonSchemaSerializer");

		this.names.postProcessEnvironment(environment, new SpringApplication());

		assertThat(format(environment)).isEqualTo(RideFormat.JSON_SCHEMA);
	}

	@Test
	void leavesAChosenFormatAsItIs() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.kafka.producer.value-serializer", "io.confluent.kafka.serializers.KafkaAvroSerializer")
			.withProperty("ridestream.format", "json");

		this.names.postProcessEnvironment(environment, new SpringApplication());

		assertThat(format(environment)).isEqualTo(RideFormat.JSON);
	}

	@Test
	void leavesOtherSerializersAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.kafka.producer.value-serializer",
				"io.ridestream.serde.avro.RideAvroSerializer");

		this.names.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.producer.value-serializer"))
			.isEqualTo("io.ridestream.serde.avro.RideAvroSerializer");
		assertThat(environment.getProperty("ridestream.format")).isNull();
	}

	@Test
	void isRegisteredWithSpringBoot() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(org.springframework.boot.EnvironmentPostProcessor.class,
					SpringFactoriesLoader.ArgumentResolver.of(org.springframework.boot.logging.DeferredLogFactory.class,
							(Supplier<Log> log) -> log.get())))
			.hasAtLeastOneElementOfType(ConfluentSerializerNames.class);
	}

	private static RideFormat format(MockEnvironment environment) {
		return Binder.get(environment).bind("ridestream", FormatProperties.class).get().format();
	}

}
