package io.ridestream.flinksql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few HTTP calls the test makes to the services, with the JDK's own client. */
final class Http {

	/** The producer starts no replay without it: a page on another site cannot make a browser send it. */
	static final String REQUESTED_BY = "X-Requested-By";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Http() {
	}

	record Response(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	static Response get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
	}

	static Response post(String url) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "application/json")
			.header(REQUESTED_BY, "test")
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** The status of a GET, or -1 while nothing answers. */
	static int status(String url) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofMinutes(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
