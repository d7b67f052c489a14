package io.ridestream.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few HTTP calls the tests make, with the JDK's own client. */
final class Http {

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

	/**
	 * The producer refuses to start or cancel a replay without it, or a CSV body: a page on another site cannot
	 * make a browser send it.
	 */
	static final String REQUESTED_BY = "X-Requested-By";

	static Response post(String url, String contentType, BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header(REQUESTED_BY, "e2e").POST(body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	static Response send(String method, String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
			.header(REQUESTED_BY, "e2e")
			.method(method, HttpRequest.BodyPublishers.noBody()));
	}

	/** A request without a body, with exactly these headers (none added). */
	static Response send(String method, String url, java.util.Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return send(request);
	}

	/** The status of a GET, or -1 while nothing listens on the port. */
	static int status(String url) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (ConnectException ex) {
			return -1;
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
