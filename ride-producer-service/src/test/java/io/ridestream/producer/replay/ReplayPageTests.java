package io.ridestream.producer.replay;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay page at {@code /}: static files that drive the replay API from the browser. Serving them needs no
 * Kafka; the properties are those of {@code ActuatorTests}, so both share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.auto-create=false",
				"ridestream.health.kafka.timeout=500ms" })
@AutoConfigureRestTestClient
class ReplayPageTests {

	@Autowired
	private RestTestClient client;

	@Test
	void servesTheReplayPageAtTheRoot() {
		String page = page();

		assertThat(page).contains("<title>Ride Stream replays</title>")
			.contains("<script src=\"replay.js\" defer></script>")
			.contains("<link rel=\"stylesheet\" href=\"replay.css\">");
		for (String id : new String[] { "rate", "limit", "replay-bundled", "csv-file", "upload", "data-file",
				"replay-file", "refresh-files", "cancel", "progress", "job-state", "job-id", "job-published",
				"job-rejected", "job-failed", "job-unknown", "job-rows-read", "job-error", "recent-jobs" }) {
			assertThat(page).as("element #%s", id).containsOnlyOnce("id=\"" + id + "\"");
		}
	}

	@Test
	void labelsEveryControl() {
		String page = page();

		for (String id : new String[] { "rate", "limit", "csv-file", "data-file", "progress" }) {
			assertThat(page).as("label of #%s", id).contains("<label for=\"" + id + "\">");
		}
	}

	@Test
	void tellsVisitorsWithoutJavaScriptHowToReplay() {
		assertThat(page()).containsPattern("(?s)<noscript>.*needs JavaScript.*POST.*</noscript>");
	}

	@Test
	void pageHasNoInlineScriptOrEventHandlers() {
		String page = page();

		assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
			.doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
			.doesNotContain("style=\"");
	}

	@Test
	void servesTheScriptAndStyle() {
		String script = this.client.get()
			.uri("/replay.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(new MediaType("text", "javascript"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(script).contains("rides/replay").contains("rides/files").doesNotContain("innerHTML");

		String style = this.client.get()
			.uri("/replay.css")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(new MediaType("text", "css"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(style).contains("font-family: system-ui");
	}

	private String page() {
		return this.client.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
