package io.camdash.pictures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A picture's size in pixels, read from its header only (no decoding of the pixels).
 *
 * @param width width in pixels
 * @param height height in pixels
 */
record ImageDimensions(int width, int height) {

	/** The dimensions of a JPEG or PNG file, or null if its header cannot be read. */
	static ImageDimensions read(Path file) {
		try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
			if (input == null) {
				return null;
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				return new ImageDimensions(reader.getWidth(0), reader.getHeight(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return this.width + " × " + this.height;
	}

}
