package io.ridestream.producer.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends requests no well-behaved client sends (a body shorter than its declared length, only the headers of a
 * large upload) over a plain socket.
 */
final class RawHttp {

	private RawHttp() {
	}

	/** The request line and headers of a CSV upload declaring this length. */
	static String uploadHeaders(long contentLength) {
		return "POST /rides/replay HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: "
				+ contentLength + "\r\n\r\n";
	}

	/**
	 * Sends the request, optionally ending the sending side after it, and returns the response up to the end of
	 * its body. Tomcat answers errors with a chunked body and closes the connection only after giving up on the
	 * request body, so the response ends with the last chunk, not with the connection.
	 */
	static String exchange(int port, String request, boolean endInput) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			if (endInput) {
				socket.shutdownOutput();
			}
			InputStream in = socket.getInputStream();
			StringBuilder response = new StringBuilder();
			int read;
			while (!response.toString().endsWith("\r\n0\r\n\r\n") && (read = in.read()) != -1) {
				response.append((char) read);
			}
			return response.toString();
		}
	}

}
