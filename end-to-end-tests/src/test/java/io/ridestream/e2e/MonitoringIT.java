package io.ridestream.e2e;

import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compose profile {@code monitoring} against both services from their packaged jars: the Grafana dashboard
 * ({@code monitoring/grafana/dashboards/ride-stream.json}) is valid, queries only metrics the services export and only
 * the data source Grafana is provisioned with, and a real Prometheus (Debian's, which {@code ./test.sh} installs)
 * scraping the services as {@code monitoring/prometheus/prometheus.yml} says answers every query of the dashboard with
 * numbers once a replay has run. Grafana itself cannot run here (no image registry, no Debian package).
 */
@EmbeddedKafka(partitions = 2, topics = "rides")
class MonitoringIT {

	static final Path MONITORING = ServiceProcess.PROJECT_ROOT.resolve("monitoring");

	static final Path DASHBOARD = MONITORING.resolve("grafana/dashboards/ride-stream.json");

	static final Path BROWSER_SCRIPTS = Path.of("src", "test", "browser").toAbsolutePath();

	/** Prometheus' graphs of the dashboard's time series, for the README. */
	static final Path GRAPHS = Path.of("target", "monitoring-screenshots", "prometheus-graphs.png").toAbsolutePath();

	/** Names in a query that are not metrics: PromQL's keywords, and what comes before "(" (functions). */
	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "bool", "offset", "and", "or", "unless", "inf", "nan");

	private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	@TempDir
	static Path work;

	static Services services;

	static Process prometheus;

	static int prometheusPort;

	@BeforeAll
	static void startServices(EmbeddedKafkaBroker broker) throws IOException {
		Files.copy(RidesCsvFigures.BUNDLED, work.resolve("rides.csv"));
		services = Services.start(broker.getBrokersAsString(), Map.of("RIDESTREAM_REPLAY_DATA_DIR", work.toString()));
	}

	@AfterAll
	static void stop() {
		if (prometheus != null) {
			prometheus.destroy();
		}
		if (services != null) {
			services.close();
		}
	}

	@Test
	void theDashboardIsValidAndReadsOnlyTheProvisionedDataSource() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
		String dataSource = provisionedDataSourceUid();

		assertThat(dashboard.path("uid").asString()).isEqualTo("ride-stream");
		assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy((panel) -> {
			assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
				.isEqualTo(dataSource);
			assertThat(panel.path("targets")).isNotEmpty()
				.allSatisfy((target) -> assertThat(target.path("expr").asString()).isNotBlank());
		});
		assertThat(panelTitles(dashboard)).doesNotHaveDuplicates()
			.contains("Replay throughput", "Replay outcomes", "Consumer rate", "Consumer lag (records)",
					"Consumer lag (seconds)", "End-to-end latency", "Dead letters per minute", "Late rides per minute");
	}

	@Test
	void everyQueryOfTheDashboardNamesMetricsTheServicesExport() throws IOException {
		replayAndAwaitCounted();
		String exported = scrape(services.producer()) + scrape(services.consumer());

		Map<String, Set<String>> metricsByQuery = metricsByQuery();
		assertThat(metricsByQuery).isNotEmpty().allSatisfy((query, metrics) -> {
			assertThat(metrics).as(query).isNotEmpty();
			assertThat(metrics).as(query).allSatisfy((metric) -> assertThat(exported).as(query)
				.containsPattern("(?m)^" + Pattern.quote(metric) + "[{ ]"));
		});
	}

	@Test
	void prometheusWithTheComposeScrapeConfigAnswersEveryQueryOfTheDashboardWithNumbers() throws IOException {
		awaitPrometheusScrapingAReplay();

		List<String> queries = new ArrayList<>(metricsByQuery().keySet());
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(queries).allSatisfy((expr) -> {
			List<Sample> samples = query(expr);
			assertThat(samples).as(expr).isNotEmpty();
			assertThat(samples).as(expr).allSatisfy((sample) -> assertThat(sample.value()).isNotIn("NaN", "+Inf"));
		}));
		assertThat(query("sum(ridestream_replay_rides_total{outcome=\"published\"})")).singleElement()
			.extracting(Sample::value)
			.isNotEqualTo("0");
	}

	@Test
	void prometheusDrawsTheDashboardsTimeSeriesAsGraphs() throws IOException {
		awaitPrometheusScrapingAReplay();
		List<String> queries = queriesOf("Replay throughput", "Consumer rate", "End-to-end latency",
				"Consumer lag (records)");
		// A paced replay (about 13 s), so that the graphs show rides flowing, not a step.
		JsonNode paced = Http.send("POST", services.producer().url("/rides/replay?rate=20"),
				Map.of(Http.REQUESTED_BY, "monitoring-test", "Accept", "application/json")).json();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Http.get(services.producer().url("/rides/replay/" + paced.path("id").asString())).json()
				.path("state").asString(), (state) -> !state.equals("RUNNING"));
		Commands.npmCiUnlessUpToDate(BROWSER_SCRIPTS, Path.of("target", "browser-npm.log").toAbsolutePath(), "");
		Path log = Path.of("target", "prometheus-graphs.log").toAbsolutePath();

		int exitCode = Commands.run(BROWSER_SCRIPTS, log, log, Duration.ofMinutes(2),
				Map.of("PROMETHEUS_URL", "http://127.0.0.1:" + prometheusPort, "QUERIES", json(queries), "SCREENSHOT",
						GRAPHS.toString(), "RANGE", "1m"),
				"node", "prometheus-graphs.mjs");

		assertThat(exitCode).as("node prometheus-graphs.mjs: %s", Commands.tail(log, 20)).isZero();
		assertThat(GRAPHS).isNotEmptyFile();
	}

	/** Once: Prometheus running with the compose profile's scrape config, every target up, and a replay counted. */
	private static synchronized void awaitPrometheusScrapingAReplay() throws IOException {
		if (prometheus != null) {
			return;
		}
		startPrometheus();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(query("up")).as(() -> "every target of the scrape config up: "
					+ Http.get("http://127.0.0.1:" + prometheusPort + "/api/v1/targets").body())
				.hasSize(2)
				.allSatisfy((sample) -> assertThat(sample.value()).isEqualTo("1")));
		replayAndAwaitCounted();
	}

	private static String json(List<String> strings) {
		return JsonMapper.builder().build().writeValueAsString(strings);
	}

	private static String scrape(ServiceProcess service) {
		Http.Response metrics = Http.send("GET", service.url("/actuator/prometheus"), Map.of("Accept", "text/plain"));
		assertThat(metrics.status()).isEqualTo(200);
		return metrics.body();
	}

	private static void replayAndAwaitCounted() {
		long before = Http.get(services.consumer().url("/stats")).json().path("totalRides").asLong();
		Http.Response replay = Http.send("POST", services.producer().url("/rides/replay?wait=true"),
				Map.of(Http.REQUESTED_BY, "monitoring-test", "Accept", "application/json"));
		assertThat(replay.status()).as(replay.body()).isEqualTo(200);
		long published = replay.json().path("published").asLong();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Http.get(services.consumer().url("/stats")).json().path("totalRides").asLong(),
					(rides) -> rides == before + published);
	}

	/**
	 * Runs Prometheus with the compose profile's scrape config: the same jobs and paths, its targets pointed at the
	 * services here, and a 1 s scrape interval so that rates have samples within seconds.
	 */
	@SuppressWarnings("unchecked")
	private static void startPrometheus() throws IOException {
		assertThat(Commands.runs("prometheus", "--version"))
			.as("Debian's prometheus on the PATH (./test.sh installs it: apt-get install prometheus)")
			.isTrue();
		Map<String, Object> config;
		try (Reader reader = Files.newBufferedReader(MONITORING.resolve("prometheus/prometheus.yml"))) {
			config = new Yaml().load(reader);
		}
		Map<String, String> targets = Map.of("ride-producer-service", "127.0.0.1:" + services.producer().port(),
				"ride-consumer-service", "127.0.0.1:" + services.consumer().port());
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		assertThat(jobs).extracting((job) -> job.get("job_name")).containsExactlyInAnyOrderElementsOf(targets.keySet());
		for (Map<String, Object> job : jobs) {
			assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			job.put("static_configs", List.of(Map.of("targets", List.of(targets.get((String) job.get("job_name"))))));
		}
		((Map<String, Object>) config.get("global")).put("scrape_interval", "1s");
		Path file = work.resolve("prometheus.yml");
		Files.writeString(file, new Yaml().dump(config));
		prometheusPort = ServiceProcess.freePort();
		prometheus = new ProcessBuilder("prometheus", "--config.file=" + file,
				"--storage.tsdb.path=" + work.resolve("prometheus-data"),
				"--web.listen-address=127.0.0.1:" + prometheusPort)
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("prometheus.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.status("http://127.0.0.1:" + prometheusPort + "/-/ready") == 200);
	}

	/** One sample of an instant query's answer: its labels and value. */
	record Sample(Map<String, String> labels, String value) {
	}

	private static List<Sample> query(String expr) {
		Http.Response response = Http.get("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
				+ URLEncoder.encode(expr, StandardCharsets.UTF_8));
		assertThat(response.status()).as(expr + ": " + response.body()).isEqualTo(200);
		JsonNode data = response.json().path("data");
		assertThat(data.path("resultType").asString()).as(expr).isEqualTo("vector");
		List<Sample> samples = new ArrayList<>();
		for (JsonNode result : data.path("result")) {
			Map<String, String> labels = new TreeMap<>();
			result.path("metric").properties().forEach((label) -> labels.put(label.getKey(), label.getValue().asString()));
			samples.add(new Sample(labels, result.path("value").get(1).asString()));
		}
		return samples;
	}

	/** The queries of these panels of the dashboard. */
	private static List<String> queriesOf(String... titles) throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			if (List.of(titles).contains(panel.path("title").asString())) {
				panel.path("targets").forEach((target) -> queries.add(target.path("expr").asString()));
			}
		}
		assertThat(queries).as("queries of %s", List.of(titles)).hasSizeGreaterThanOrEqualTo(titles.length);
		return queries;
	}

	/** Each query of the dashboard, with the metrics it names. */
	private static Map<String, Set<String>> metricsByQuery() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
		Map<String, Set<String>> queries = new LinkedHashMap<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asString();
				queries.put(expr, metricsIn(expr));
			}
		}
		return queries;
	}

	/**
	 * The metric names in a PromQL expression: its names without label matchers, ranges, grouping labels, strings,
	 * keywords and functions.
	 */
	static Set<String> metricsIn(String expr) {
		String bare = expr.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
		Set<String> metrics = new LinkedHashSet<>();
		Matcher names = NAME.matcher(bare);
		while (names.find()) {
			String name = names.group();
			boolean function = bare.substring(names.end()).stripLeading().startsWith("(");
			if (!function && !KEYWORDS.contains(name.toLowerCase()) && !name.matches("[eE]\\d*")) {
				metrics.add(name);
			}
		}
		return metrics;
	}

	@SuppressWarnings("unchecked")
	private static String provisionedDataSourceUid() throws IOException {
		try (Reader reader = Files
			.newBufferedReader(MONITORING.resolve("grafana/provisioning/datasources/prometheus.yaml"))) {
			Map<String, Object> file = new Yaml().load(reader);
			List<Map<String, Object>> sources = (List<Map<String, Object>>) file.get("datasources");
			assertThat(sources).singleElement().satisfies((source) -> {
				assertThat(source).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
			});
			return String.valueOf(sources.get(0).get("uid"));
		}
	}

	private static List<String> panelTitles(JsonNode dashboard) {
		List<String> titles = new ArrayList<>();
		dashboard.path("panels").forEach((panel) -> titles.add(panel.path("title").asString()));
		return titles;
	}

}
