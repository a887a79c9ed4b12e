package dev.spendaudit.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The files the nightly run needs: its output folder and the Prometheus textfile folder writable by the job's
 * user (and, under the unit's {@code ProtectSystem=strict}, inside its {@code ReadWritePaths=}), and the env file
 * holding its passwords readable by nobody but root and the job's own group.
 */
public final class FileChecks {

	/** The user and group {@code deploy/install.sh} creates. */
	static final String JOB_USER = "spend-audit";

	private final SystemdUnit unit;

	private final String currentUser;

	/** @param unit the job's systemd service, or null when there is none */
	public FileChecks(SystemdUnit unit, String currentUser) {
		this.unit = unit;
		this.currentUser = currentUser;
	}

	/** The output folder: the unit's {@code --out} when it has one, else {@code spend-audit.out}. */
	public Check out(Path setting) {
		String unitOut = unit == null ? null : unit.execOption("--out");
		Path dir = resolve(unitOut != null ? Path.of(unitOut) : setting);
		String what = unitOut != null ? "output folder " + dir + " (--out in " + unit.file() + ")"
				: "output folder " + dir + " (spend-audit.out)";
		return folder("files.out", what, dir);
	}

	/** The node_exporter textfile folder ({@code spend-audit.health.textfile-dir}), when one is set. */
	public Check textfile(Path setting) {
		if (setting == null) {
			return Check.ok("files.textfile", "no Prometheus textfile folder set (spend-audit.health.textfile-dir)");
		}
		Path dir = resolve(setting);
		return folder("files.textfile", "textfile folder " + dir + " (spend-audit.health.textfile-dir)", dir);
	}

	/**
	 * The env file: not readable by others, nor by any group but the job's own.
	 *
	 * @param namedBy where the file was named ({@code --env-file}, or the unit's {@code EnvironmentFile=})
	 */
	public Check envFile(Path file, String namedBy) {
		String name = "files.env-file";
		if (file == null) {
			return Check.ok(name, "no env file to check (no --env-file, and no unit at " + SystemdUnit.DEFAULT + ")");
		}
		if (!Files.exists(file)) {
			return Check.fail(name, file + " (named by " + namedBy + ") does not exist: systemd will not start the"
					+ " job without it", "create it from deploy/spend-audit.env.example (deploy/install.sh does),"
							+ " mode 0600");
		}
		PosixFileAttributes attrs;
		try {
			attrs = Files.readAttributes(file, PosixFileAttributes.class);
		}
		catch (IOException | UnsupportedOperationException ex) {
			return Check.warn(name, "cannot read the permissions of " + file + ": " + ex.getMessage(),
					"run doctor as root, or check by hand that only root and group " + jobGroup() + " can read it");
		}
		Set<PosixFilePermission> perms = attrs.permissions();
		String owner = attrs.owner().getName();
		String group = attrs.group().getName();
		String shown = file + " is " + mode(perms) + " " + owner + ":" + group;
		String fix = "chown root:root " + file + " && chmod 0600 " + file + " (systemd reads it as root), or chown root:"
				+ jobGroup() + " and chmod 0640 if the job's user must read it";
		if (perms.contains(PosixFilePermission.OTHERS_READ)) {
			return Check.warn(name, shown + ": every user on this host can read its passwords", fix);
		}
		if (perms.contains(PosixFilePermission.GROUP_READ) && !group.equals(jobGroup())) {
			return Check.warn(name, shown + ": group " + group + " can read its passwords", fix);
		}
		if (!owner.equals("root") && !owner.equals(jobUser())) {
			return Check.warn(name, shown + ": user " + owner + " owns it and can read its passwords", fix);
		}
		return Check.ok(name, shown + " (named by " + namedBy + "): only " + owner
				+ (perms.contains(PosixFilePermission.GROUP_READ) ? " and group " + group : "") + " can read it");
	}

	private Check folder(String name, String what, Path dir) {
		if (unit != null && !unit.allowsWritesTo(dir)) {
			return Check.fail(name, what + " is outside ReadWritePaths=" + String.join(" ", unit.readWritePaths())
					+ " of " + unit.file() + ": ProtectSystem=strict makes it read-only for the job",
					"add it to ReadWritePaths= in " + unit.file() + " (then systemctl daemon-reload), or use a folder"
							+ " under /var/lib/spend-audit");
		}
		if (Files.exists(dir) && !Files.isDirectory(dir)) {
			return Check.fail(name, what + " exists but is not a folder", "remove it or point the setting elsewhere");
		}
		Path existing = dir;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return Check.fail(name, what + ": no part of it exists", "create it: install -d -o " + jobUser() + " " + dir);
		}
		if (!writableByJob(existing)) {
			return Check.fail(name, what + ": " + (existing.equals(dir) ? "" : existing + " ") + "is not writable by"
					+ " user " + jobUser(), "chown " + jobUser() + ":" + jobGroup() + " " + existing + " (or chmod u+w)");
		}
		return Check.ok(name, what + (existing.equals(dir) ? " is writable by " + jobUser()
				: " does not exist yet; the first run creates it in " + existing));
	}

	private boolean writableByJob(Path dir) {
		if (jobUser().equals(currentUser) || (!currentUser.equals("root") && unit == null)) {
			return Files.isWritable(dir);
		}
		if (jobUser().equals("root")) {
			return true;
		}
		try {
			PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
			Set<PosixFilePermission> p = a.permissions();
			return a.owner().getName().equals(jobUser()) && p.contains(PosixFilePermission.OWNER_WRITE)
					&& p.contains(PosixFilePermission.OWNER_EXECUTE)
					|| a.group().getName().equals(jobGroup()) && p.contains(PosixFilePermission.GROUP_WRITE)
							&& p.contains(PosixFilePermission.GROUP_EXECUTE)
					|| p.contains(PosixFilePermission.OTHERS_WRITE) && p.contains(PosixFilePermission.OTHERS_EXECUTE);
		}
		catch (IOException | UnsupportedOperationException ex) {
			return Files.isWritable(dir);
		}
	}

	private Path resolve(Path path) {
		if (path.isAbsolute() || unit == null || unit.workingDirectory() == null) {
			return path.toAbsolutePath().normalize();
		}
		return Path.of(unit.workingDirectory()).resolve(path).normalize();
	}

	/** The unit's {@code User=}; without a unit, whoever runs doctor is taken to be the job. */
	private String jobUser() {
		return unit != null && unit.user() != null ? unit.user() : unit != null ? "root" : currentUser;
	}

	private String jobGroup() {
		if (unit != null && unit.group() != null) {
			return unit.group();
		}
		return unit != null && unit.user() != null ? unit.user() : JOB_USER;
	}

	static String mode(Set<PosixFilePermission> perms) {
		int bits = 0;
		for (PosixFilePermission p : perms) {
			bits |= 1 << (8 - p.ordinal());
		}
		return String.format("%04o", bits) + " (" + PosixFilePermissions.toString(perms) + ")";
	}

}
