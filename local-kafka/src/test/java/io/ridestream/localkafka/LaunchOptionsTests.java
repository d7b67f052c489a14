package io.ridestream.localkafka;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchOptionsTests {

	@Test
	void defaultsToPort9092OnLoopbackWithTheControllerOnTheNextPort() {
		LaunchOptions options = LaunchOptions.parse(new String[0], Map.of());

		assertThat(options).isEqualTo(new LaunchOptions("127.0.0.1", null, 9092, 9093, Path.of(".run/kafka-data"), 1, null, false));
	}

	@Test
	void readsSettingsFromTheEnvironment() {
		LaunchOptions options = LaunchOptions.parse(new String[0], Map.of("KAFKA_PORT", "19092",
				"KAFKA_CONTROLLER_PORT", "19999", "KAFKA_DATA_DIR", "/tmp/kafka", "KAFKA_HOST", "localhost"));

		assertThat(options).isEqualTo(new LaunchOptions("localhost", null, 19092, 19999, Path.of("/tmp/kafka"), 1, null, false));
	}

	@Test
	void placesTheControllerAfterAPortFromTheEnvironment() {
		assertThat(LaunchOptions.parse(new String[0], Map.of("KAFKA_PORT", "19092")).controllerPort()).isEqualTo(19093);
	}

	@Test
	void prefersArgumentsOverTheEnvironment() {
		LaunchOptions options = LaunchOptions.parse(new String[] { "--port", "29092", "--data-dir=data" },
				Map.of("KAFKA_PORT", "19092", "KAFKA_DATA_DIR", "/tmp/kafka"));

		assertThat(options.port()).isEqualTo(29092);
		assertThat(options.controllerPort()).isEqualTo(29093);
		assertThat(options.dataDir()).isEqualTo(Path.of("data"));
	}

	@Test
	void ignoresBlankEnvironmentVariables() {
		assertThat(LaunchOptions.parse(new String[0], Map.of("KAFKA_PORT", " ")).port()).isEqualTo(9092);
	}

	@Test
	void rejectsAPortThatIsNotANumber() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[] { "--port", "kafka" }, Map.of()))
			.withMessage("--port must be a port number between 1 and 65535: 'kafka'");
	}

	@Test
	void rejectsAPortOutOfRange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[0], Map.of("KAFKA_PORT", "65535")))
			.withMessage("--controller-port must be a port number between 1 and 65535: '65536'");
	}

	@Test
	void rejectsTheSamePortForClientsAndController() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[] { "--port=9092", "--controller-port=9092" }, Map.of()))
			.withMessageContaining("must differ");
	}

	@Test
	void rejectsAnUnknownOption() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[] { "--partitions", "3" }, Map.of()))
			.withMessage("Unknown option: --partitions");
	}

	@Test
	void rejectsAnOptionWithoutValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[] { "--data-dir" }, Map.of()))
			.withMessage("Missing value for --data-dir");
	}

	@Test
	void recognisesHelpAmongOtherOptions() {
		assertThat(LaunchOptions.parse(new String[] { "--port", "19092", "--help" }, Map.of()).help()).isTrue();
		assertThat(LaunchOptions.parse(new String[] { "--port", "19092" }, Map.of()).help()).isFalse();
	}

	@Test
	void takesTheAdvertisedHostFromTheOptionOrTheEnvironment() {
		assertThat(LaunchOptions.parse(new String[] { "--host", "0.0.0.0", "--advertised-host", "kafka" }, Map.of())
			.advertisedHost()).isEqualTo("kafka");
		assertThat(LaunchOptions.parse(new String[0], Map.of("KAFKA_ADVERTISED_HOST", "broker-1")).advertisedHost())
			.isEqualTo("broker-1");
		assertThat(LaunchOptions.parse(new String[0], Map.of()).advertisedHost()).isNull();
	}

	@Test
	void runsOneNodeOfAClusterOfSeveralBrokers() {
		LaunchOptions options = LaunchOptions.parse(new String[] { "--nodes", "3", "--node", "2" }, Map.of());

		assertThat(options.nodes()).isEqualTo(3);
		assertThat(options.node()).isEqualTo(2);
		assertThat(LaunchOptions.parse(new String[0], Map.of("KAFKA_NODES", "3", "KAFKA_NODE", "101")).node())
			.isEqualTo(101);
	}

	@Test
	void asksWhichNodeToRunInAClusterOfSeveralBrokers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[] { "--nodes", "3" }, Map.of()))
			.withMessage("--nodes 3 runs one node a process: give --node 1 to 3 for a broker or --node 101 for the controller");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[] { "--nodes", "3", "--node", "4" }, Map.of()));
	}

}
