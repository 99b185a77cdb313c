package io.camdash.pictures;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PictureNameTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "cam/2024-05-01/cam_20240501-120000-123.jpg", "cam/2024-05-01/cam_20240501-120000-123-2.jpg",
					"holiday.png", "door/IMG_0001.JPEG", "a.jpeg", "cam/x@320.jpg", "cam/\u00e9.jpg",
					"Garten/Garten S\u00fcd.jpg", "\u6811\u8393\u6d3e/\u5403.png", "Ferien 2026/Strand (1).jpg" })
	void acceptsPictureNames(String name) {
		assertThat(PictureName.of(name).value()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "../secret.jpg", "cam/../secret.jpg", "cam/..jpg", "/etc/secret.jpg", "//x.jpg",
			"C:\\x.jpg", "cam\\x.jpg", "cam/x.jpg\u0000.png", "%2e%2e%2fx.jpg", ".hidden.jpg", "cam/.x.jpg.tmp",
			"cam/x.jpg.tmp", "cam/x.txt", "cam/x", "cam//x.jpg", "cam/x.jpg/", "a/b/c/d.jpg", "cam/ x.jpg", "./x.jpg",
			"cam/x\u202egpj.png", "cam/a\nb.jpg", "cam/a%20b.jpg", "cam/a;b.jpg", "cam/a:b.jpg", "cam/con.jpg",
			"cam\u0000/x.jpg", "../\u00e9t\u00e9.jpg" })
	void refusesEverythingElseWith400(String name) {
		assertThatExceptionOfType(PictureName.InvalidPictureNameException.class).isThrownBy(() -> PictureName.of(name))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/cam/x.jpg" })
	void dropsTheSlashLeftByAPathCapture(String capture) {
		assertThat(PictureName.fromPath(capture).value()).isEqualTo("cam/x.jpg");
		assertThat(PictureName.fromPath(capture).folder()).isEqualTo("cam");
		assertThat(PictureName.fromPath(capture).fileName()).isEqualTo("x.jpg");
	}

}
