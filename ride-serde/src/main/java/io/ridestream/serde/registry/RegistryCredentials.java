package io.ridestream.serde.registry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the registry client sends to identify itself, as Confluent's serdes configure it: HTTP basic auth from the
 * URL's user info or from {@code basic.auth.user.info}, or a bearer token ({@code bearer.auth.credentials.source=
 * STATIC_TOKEN}, {@code bearer.auth.token}, with Confluent Cloud's {@code bearer.auth.logical.cluster} and
 * {@code bearer.auth.identity.pool.id} headers when set). Never printed.
 */
public sealed interface RegistryCredentials {

	/** The request headers for a registry at this URL; empty when nothing is sent. */
	Map<String, String> headers(URI url);

	/** Which settings hold these credentials, for messages about a refusal. */
	String settings();

	/** Basic auth with the user info of each registry URL, {@code https://key:secret@host}, if it has one. */
	record UrlUserInfo() implements RegistryCredentials {

		@Override
		public Map<String, String> headers(URI url) {
			String userInfo = url.getRawUserInfo();
			return (userInfo != null) ? basic(URLDecoder.decode(userInfo, StandardCharsets.UTF_8)) : Map.of();
		}

		@Override
		public String settings() {
			return "the user info of " + RegistrySerdeConfig.SCHEMA_REGISTRY_URL + " (or "
					+ RegistrySerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO and "
					+ RegistrySerdeConfig.BASIC_AUTH_USER_INFO + ")";
		}

		@Override
		public String toString() {
			return "URL";
		}

	}

	/** Basic auth with {@code key:secret}; null sends nothing. */
	record UserInfo(String userInfo) implements RegistryCredentials {

		@Override
		public Map<String, String> headers(URI url) {
			return (this.userInfo != null) ? basic(this.userInfo) : Map.of();
		}

		@Override
		public String settings() {
			return RegistrySerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + " and " + RegistrySerdeConfig.BASIC_AUTH_USER_INFO;
		}

		@Override
		public String toString() {
			return "USER_INFO[" + ((this.userInfo != null) ? "hidden" : "none") + "]";
		}

	}

	/** A static bearer token, with Confluent Cloud's cluster and identity pool headers when they are set. */
	record BearerToken(String token, String logicalCluster, String identityPoolId) implements RegistryCredentials {

		@Override
		public Map<String, String> headers(URI url) {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Authorization", "Bearer " + this.token);
			if (this.logicalCluster != null) {
				headers.put("target-sr-cluster", this.logicalCluster);
			}
			if (this.identityPoolId != null) {
				headers.put("Confluent-Identity-Pool-Id", this.identityPoolId);
			}
			return headers;
		}

		@Override
		public String settings() {
			return RegistrySerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE + " and " + RegistrySerdeConfig.BEARER_AUTH_TOKEN;
		}

		@Override
		public String toString() {
			return "STATIC_TOKEN[hidden]";
		}

	}

	private static Map<String, String> basic(String userInfo) {
		return Map.of("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
	}

}
