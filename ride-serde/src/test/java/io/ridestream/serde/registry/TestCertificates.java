package io.ridestream.serde.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server and a client key pair with self-signed certificates, made by the JDK's keytool in a directory: the
 * server's for {@code localhost} and {@code 127.0.0.1}, each certificate also exported as PEM.
 */
record TestCertificates(Path serverKeyStore, Path serverCertificatePem, Path clientKeyStore, Path clientCertificatePem,
		String password) {

	static TestCertificates in(Path directory) {
		TestCertificates certificates = new TestCertificates(directory.resolve("server.p12"),
				directory.resolve("server.pem"), directory.resolve("client.p12"), directory.resolve("client.pem"),
				"changeit");
		certificates.make("server", "CN=localhost", "san=dns:localhost,ip:127.0.0.1", certificates.serverKeyStore(),
				certificates.serverCertificatePem());
		certificates.make("client", "CN=ride-stream-client", null, certificates.clientKeyStore(),
				certificates.clientCertificatePem());
		return certificates;
	}

	/** The server's TLS context: its own key, and trust in the client's certificate only. */
	SSLContext serverContext() {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(this.serverKeyStore), this.password.toCharArray());
			KeyStore trusted = KeyStore.getInstance("PKCS12");
			trusted.load(null, null);
			try (InputStream pem = Files.newInputStream(this.clientCertificatePem)) {
				trusted.setCertificateEntry("client",
						java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(pem));
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private KeyStore load(Path store) throws GeneralSecurityException, IOException {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keyStore.load(in, this.password.toCharArray());
		}
		return keyStore;
	}

	private void make(String alias, String name, String extension, Path keyStore, Path pem) {
		List<String> generate = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
				"-dname", name, "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
				"-storepass", this.password));
		if (extension != null) {
			generate.addAll(List.of("-ext", extension));
		}
		run(generate);
		run(List.of(keytool(), "-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(), "-storepass",
				this.password, "-file", pem.toString()));
	}

	private static String keytool() {
		return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
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
