package io.camdash.pictures;

import io.camdash.storage.FileNames;

/**
 * The URLs of a picture, relative to the context path: the name percent-encoded, its '/'
 * kept a real '/' (servers refuse an encoded one).
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
		return PAGE + FileNames.encodePath(name.value());
	}

	static String image(PictureName name) {
		return IMAGE + FileNames.encodePath(name.value());
	}

	static String thumbnail(PictureName name) {
		return THUMBNAIL + FileNames.encodePath(name.value());
	}

	static String delete(PictureName name) {
		return DELETE + FileNames.encodePath(name.value());
	}

	static String download(PictureName name) {
		return DOWNLOAD + FileNames.encodePath(name.value());
	}

}
