package dev.spendaudit.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A heartbeat check URL and the URLs derived from it. The path (and query) after the host may be the check's
 * secret, so {@link #toString()} and {@link #host()} show the scheme and host only.
 */
public final class PingUrl {

	private final URI base;

	private PingUrl(URI base) {
		this.base = base;
	}

	/**
	 * @throws IllegalArgumentException naming the setting, never the value, when it is not an http(s) URL with a
	 * host
	 */
	static PingUrl parse(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && uri.getRawFragment() == null) {
				return new PingUrl(uri);
			}
		}
		catch (URISyntaxException ex) {
			// fall through: the message must not echo the value
		}
		throw new IllegalArgumentException("spend-audit.health.ping-url must be an http:// or https:// URL with a host"
				+ " and no user or #fragment, e.g. https://hc-ping.com/UUID (the value is not shown: its path may"
				+ " hold a secret)");
	}

	/** Where the run says it started: {@code URL/start}. */
	public URI start() {
		return with("/start");
	}

	/** Where a run that is done says so: the URL itself. */
	public URI success() {
		return base;
	}

	/** Where a failed run says so: {@code URL/fail}. */
	public URI fail() {
		return with("/fail");
	}

	/** {@code URL/EXITCODE}: 0 is success, anything else a failure, for services that take the exit status. */
	public URI exitCode(int code) {
		return with("/" + code);
	}

	/** Scheme, host and port: all of the URL that may be shown. */
	public String host() {
		return base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
	}

	/** {@code text} with the URL's secret part (its path and query) replaced by {@code ****}. */
	String scrub(String text) {
		String out = text.replace(base.toString(), host() + "/****");
		for (String secret : new String[] { base.getRawPath(), base.getPath(), base.getRawQuery() }) {
			if (secret != null && secret.length() > 1) {
				out = out.replace(secret, "/****");
			}
		}
		return out;
	}

	private URI with(String suffix) {
		String path = base.getRawPath() == null ? "" : base.getRawPath();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
		return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + suffix + query);
	}

	@Override
	public String toString() {
		return host() + "/****";
	}

}
