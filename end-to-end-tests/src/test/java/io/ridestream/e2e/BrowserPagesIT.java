package io.ridestream.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The consumer's dashboard and the producer's page in headless Chromium, driven by Playwright from the Node script
 * {@code src/test/browser/pages.test.mjs} against both services from their packaged jars on a real broker. The
 * script's output is in {@code target/browser-tests.log}, its screenshots and the dashboard's load times in
 * {@code target/browser-screenshots}.
 */
@EmbeddedKafka
class BrowserPagesIT {

	static final Path SCRIPTS = Path.of("src", "test", "browser").toAbsolutePath();

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots").toAbsolutePath();

	static final Path LOG = Path.of("target", "browser-tests.log").toAbsolutePath();

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	static Services services;

	static int exitCode;

	@BeforeAll
	static void runBrowserTestsAgainstBothServices(EmbeddedKafkaBroker broker) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !runs("node", "--version")) {
			fail("Browser tests need Chromium and Node.js: apt-get install chromium nodejs npm");
		}
		installPlaywrightUnlessUpToDate();
		deleteScreenshots();
		services = Services.start(broker.getBrokersAsString(), Map.of());
		exitCode = run(LOG, Duration.ofMinutes(4), Map.of("PRODUCER_URL", services.producer().url(""), "CONSUMER_URL",
				services.consumer().url(""), "SCREENSHOT_DIR", SCREENSHOTS.toString(), "CHROMIUM", CHROMIUM.toString()),
				"node", "pages.test.mjs");
		System.out.print(Files.readString(LOG, StandardCharsets.UTF_8));
	}

	@AfterAll
	static void stopServices() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void everyScenarioOfTheDashboardAndTheProducerPagePasses() {
		assertThat(exitCode).as("node pages.test.mjs failed; the end of %s:%n%s", LOG, tail(LOG, 60)).isZero();
	}

	@Test
	void savesScreenshotsOfTheDashboardOnDesktopAndPhoneAndOfTheProducerPage() throws IOException {
		for (String name : List.of("dashboard.png", "dashboard-phone.png", "producer.png")) {
			Path screenshot = SCREENSHOTS.resolve(name);

			assertThat(screenshot).as("screenshot %s", name).isRegularFile();
			assertThat(Files.readAllBytes(screenshot)).as("screenshot %s", name)
				.startsWith(PNG_SIGNATURE)
				.hasSizeGreaterThan(PNG_SIGNATURE.length);
		}
	}

	@Test
	void recordsTheLoadTimeOfTheDashboard() {
		JsonNode dashboard = JsonMapper.builder().build().readTree(SCREENSHOTS.resolve("timings.json").toFile())
			.path("dashboard");

		assertThat(dashboard.path("load").asLong()).as("dashboard load time in ms, in timings.json: %s", dashboard)
			.isPositive()
			.isGreaterThanOrEqualTo(dashboard.path("domContentLoaded").asLong());
	}

	/** {@code npm ci} when node_modules is missing or older than package-lock.json, as after a checkout. */
	private static void installPlaywrightUnlessUpToDate() throws IOException {
		Commands.npmCiUnlessUpToDate(SCRIPTS, Path.of("target", "browser-npm.log").toAbsolutePath(), "");
	}

	private static void deleteScreenshots() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		try (Stream<Path> files = Files.list(SCREENSHOTS)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
	}

	/** Runs the command in the browser tests' directory, its output to the log; the exit code. */
	private static int run(Path log, Duration timeout, Map<String, String> environment, String... command) {
		return Commands.run(SCRIPTS, log, log, timeout, environment, command);
	}

	private static boolean runs(String... command) {
		return Commands.runs(command);
	}

	private static String tail(Path log, int lines) {
		return Commands.tail(log, lines);
	}

}
