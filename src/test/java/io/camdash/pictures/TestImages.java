package io.camdash.pictures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Small real images for tests, written the way a user would drop them in the folder. */
final class TestImages {

	private TestImages() {
	}

	static byte[] jpeg(int width, int height) {
		return encode(width, height, "jpg");
	}

	static byte[] png(int width, int height) {
		return encode(width, height, "png");
	}

	/**
	 * Writes an image (format from the extension) and any missing folders; returns the
	 * file.
	 */
	static Path write(Path folder, String relative, int width, int height) {
		Path file = folder.resolve(relative);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, relative.endsWith(".png") ? png(width, height) : jpeg(width, height));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	static boolean isJpeg(byte[] bytes) {
		return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
	}

	private static byte[] encode(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(30, 120, 200));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.ORANGE);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
