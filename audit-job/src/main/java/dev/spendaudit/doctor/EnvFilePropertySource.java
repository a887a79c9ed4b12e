package dev.spendaudit.doctor;

import java.util.LinkedHashMap;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The job's env file as Spring sees the process environment: {@code SPEND_AUDIT_SOURCE_URL} binds to
 * {@code spend-audit.source.url} (Spring Boot maps names only for a source whose name ends in
 * {@code -systemEnvironment}), and each value's origin is the file and line that set it.
 */
public final class EnvFilePropertySource extends SystemEnvironmentPropertySource implements OriginLookup<String> {

	public static final String NAME = "spend-audit env file-systemEnvironment";

	private final EnvFile file;

	public EnvFilePropertySource(EnvFile file) {
		super(NAME, new LinkedHashMap<String, Object>(file.asMap()));
		this.file = file;
	}

	@Override
	public Origin getOrigin(String key) {
		String name = key;
		if (!getSource().containsKey(name)) {
			name = resolvePropertyName(key);
		}
		int line = file.lineOf(name);
		return line == 0 ? null : new EnvFileOrigin(file.source(), line, name);
	}

	/** A variable set on a line of an env file. */
	public record EnvFileOrigin(String file, int line, String variable) implements Origin {

		@Override
		public String toString() {
			return file + ":" + line + " (" + variable + ")";
		}

	}

}
