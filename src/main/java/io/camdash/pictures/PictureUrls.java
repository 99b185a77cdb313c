package io.camdash.pictures;

/**
 * The URLs of a picture, relative to the context path. Names hold only URL-safe
 * characters, and their '/' must stay a real '/' (servers refuse an encoded one), so they
 * are appended as they are.
 */
final class PictureUrls {

	static final String GALLERY = "/pictures";

	static final String PAGE = "/pictures/view/";

	static final String IMAGE = "/pictures/image/";

	static final String THUMBNAIL = "/pictures/thumbnail/";

	static final String DOWNLOAD = "/pictures/download/";

	static final String DELETE = "/pictures/delete/";

	private PictureUrls() {
	}

	static String page(PictureName name) {
		return PAGE + name.value();
	}

	static String image(PictureName name) {
		return IMAGE + name.value();
	}

	static String thumbnail(PictureName name) {
		return THUMBNAIL + name.value();
	}

	static String download(PictureName name) {
		return DOWNLOAD + name.value();
	}

}
