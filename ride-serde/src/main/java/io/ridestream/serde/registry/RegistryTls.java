package io.ridestream.serde.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;

/**
 * The TLS material for an {@code https} registry, under Confluent's names: {@code schema.registry.ssl.truststore.*}
 * to trust a registry whose certificate the JDK's default trust store does not (JKS, PKCS12, or PEM certificates),
 * {@code schema.registry.ssl.keystore.*} and {@code schema.registry.ssl.key.password} to present a client
 * certificate (JKS or PKCS12). Without either the JDK's defaults apply. Host names are always verified.
 *
 * @param truststore the stores' files and passwords; null when not set
 * @param keystore the client's key and certificate; null when not set
 * @param keyPassword the key's password, when it differs from the key store's
 */
public record RegistryTls(Store truststore, Store keystore, String keyPassword) {

	static final String PREFIX = "schema.registry.ssl.";

	static final RegistryTls NONE = new RegistryTls(null, null, null);

	boolean configured() {
		return this.truststore != null || this.keystore != null;
	}

	/** The SSL context these settings describe, or the JDK's default when none are set. */
	SSLContext sslContext() {
		try {
			if (!configured()) {
				return SSLContext.getDefault();
			}
			TrustManagerFactory trust = null;
			if (this.truststore != null) {
				trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				trust.init(this.truststore.load("truststore"));
			}
			KeyManagerFactory keys = null;
			if (this.keystore != null) {
				if (this.keystore.type().equals("PEM")) {
					throw new ConfigException(PREFIX + "keystore.type", "PEM",
							"a client certificate must be in a JKS or PKCS12 key store");
				}
				keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				String password = (this.keyPassword != null) ? this.keyPassword : this.keystore.password();
				keys.init(this.keystore.load("keystore"), (password != null) ? password.toCharArray() : new char[0]);
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keys != null) ? keys.getKeyManagers() : null, (trust != null) ? trust.getTrustManagers() : null,
					null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new ConfigException("Cannot set up TLS for the schema registry with " + PREFIX + "*: "
					+ ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return "RegistryTls[truststore=" + this.truststore + ", keystore=" + this.keystore + "]";
	}

	/**
	 * A key or trust store file.
	 * @param location its path
	 * @param password its password, or null
	 * @param type JKS, PKCS12 or PEM (trust stores only: X.509 certificates in PEM)
	 */
	record Store(Path location, String password, String type) {

		Store {
			type = (type != null) ? type.toUpperCase(Locale.ROOT) : "JKS";
			if (!type.equals("JKS") && !type.equals("PKCS12") && !type.equals("PEM")) {
				throw new ConfigException("The schema registry's " + PREFIX + "*store.type must be JKS, PKCS12 or PEM, not "
						+ type);
			}
		}

		KeyStore load(String kind) throws GeneralSecurityException {
			String property = PREFIX + kind + ".location";
			try (InputStream in = Files.newInputStream(this.location)) {
				if (this.type.equals("PEM")) {
					KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
					store.load(null, null);
					int index = 0;
					for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
						store.setCertificateEntry("certificate-" + index++, certificate);
					}
					if (index == 0) {
						throw new ConfigException(property, this.location.toString(), "holds no PEM certificate");
					}
					return store;
				}
				KeyStore store = KeyStore.getInstance(this.type);
				store.load(in, (this.password != null) ? this.password.toCharArray() : null);
				return store;
			}
			catch (IOException ex) {
				throw new ConfigException(property, this.location.toString(), "cannot be read as a " + this.type
						+ " store (" + ex.getMessage() + "); check the file and " + PREFIX + kind + ".password");
			}
		}

		@Override
		public String toString() {
			return this.location + " (" + this.type + ")";
		}

	}

}
