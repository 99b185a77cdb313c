package io.camdash.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camdash.security.SecuritySettings.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No blank default password (motionEye): the first start generates one, prints it once,
 * keeps only its hash.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordTests {

	private static final Pattern PRINTED = Pattern.compile("password: (\\S+)");

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@TempDir
	Path dir;

	@Test
	void aDataFolderMadeEarlierByAnotherFeatureBecomesOwnerOnly() throws Exception {
		Path data = Files.createDirectories(this.dir.resolve("data/thumbnails")).getParent();
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		AdminPassword.resolve(settings(data, null), new SecretFiles(data), this.encoder);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void theFirstStartGeneratesAPasswordPrintsItOnceAndKeepsOnlyItsHash(CapturedOutput output) throws Exception {
		Path data = this.dir.resolve("data");
		String hash = AdminPassword.resolve(settings(data, null), new SecretFiles(data), this.encoder);
		Matcher printed = PRINTED.matcher(output.getAll());
		assertThat(printed.find()).as("the password is printed").isTrue();
		String password = printed.group(1);
		assertThat(password).hasSize(24);
		assertThat(output.getAll()).contains("camdash.security.admin-password",
				data.resolve("admin-password").toString());

		Path file = data.resolve(AdminPassword.HASH_FILE);
		assertThat(Files.readString(file).trim()).isEqualTo(hash).startsWith("{bcrypt}").doesNotContain(password);
		assertThat(this.encoder.matches(password, hash)).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		try (var leftovers = Files.list(data)) {
			assertThat(leftovers.map((p) -> p.getFileName().toString()).toList()).containsExactly("admin-password");
		}

		int length = output.getAll().length();
		assertThat(AdminPassword.resolve(settings(data, ""), new SecretFiles(data), this.encoder)).isEqualTo(hash);
		assertThat(output.getAll().substring(length)).as("a later start prints nothing")
			.doesNotContain(password, "generated");
	}

	@Test
	void aConfiguredPlainPasswordOverridesAndIsHashed(CapturedOutput output) {
		Path data = this.dir.resolve("data");
		String hash = AdminPassword.resolve(settings(data, "correct horse battery"), new SecretFiles(data),
				this.encoder);
		assertThat(hash).startsWith("{bcrypt}");
		assertThat(this.encoder.matches("correct horse battery", hash)).isTrue();
		assertThat(Files.exists(data.resolve(AdminPassword.HASH_FILE))).isFalse();
		assertThat(output.getAll()).doesNotContain("correct horse battery", "generated");
	}

	@Test
	void aConfiguredHashIsUsedAsItIs() {
		String hash = this.encoder.encode("s3cret");
		assertThat(AdminPassword.encoded(hash, this.encoder)).isEqualTo(hash);
		assertThat(this.encoder.matches("s3cret", AdminPassword.encoded("s3cret", this.encoder))).isTrue();
	}

	@Test
	void theRememberMeKeyFileIsWrittenAtomicallyAndReused() throws Exception {
		SecretFiles files = new SecretFiles(this.dir);
		assertThat(files.read("remember-me-key")).isEmpty();
		files.write("remember-me-key", "first");
		assertThat(new SecretFiles(this.dir).read("remember-me-key")).hasValue("first");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir.resolve("remember-me-key"))))
			.isEqualTo("rw-------");
	}

	private static SecuritySettings settings(Path data, String adminPassword) {
		return new SecuritySettings(data, "admin", adminPassword, List.of(), false, Duration.ofDays(14), Map.of(),
				new LoginThrottle(5, 20, 60, Duration.ofMinutes(5)), DataSize.ofKilobytes(16), Duration.ofMinutes(1),
				List.of());
	}

}
