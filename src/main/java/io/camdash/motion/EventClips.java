package io.camdash.motion;

import java.io.IOException;
import java.util.Optional;

import io.camdash.pictures.PictureClips;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Tells the gallery which motion pictures have a clip, and how long it plays (from the
 * event's record); when a motion picture is deleted from the gallery, its clip and record
 * go with it.
 */
@Component
class EventClips implements PictureClips {

	private final EventFiles files;

	EventClips(EventFiles files) {
		this.files = files;
	}

	@Override
	public @Nullable Clip clipOf(String pictureName) {
		Optional<String> id = eventId(pictureName);
		if (id.isEmpty() || this.files.clip(id.get()).isEmpty()) {
			return null;
		}
		double seconds = this.files.find(id.get()).map(MotionEvent::clipSeconds).orElse(0.0);
		return new Clip(EventLinks.clip(id.get()), seconds);
	}

	@Override
	public void pictureDeleted(String pictureName) throws IOException {
		Optional<String> id = eventId(pictureName);
		if (id.isPresent()) {
			this.files.delete(id.get());
		}
	}

	/**
	 * The event a picture belongs to: {@code <camera>/<day>/<id>.jpg} with an event's id,
	 * in the folder its id says.
	 */
	private Optional<String> eventId(String pictureName) {
		String[] parts = pictureName.split("/");
		if (parts.length != 3 || !parts[2].endsWith(".jpg")) {
			return Optional.empty();
		}
		String id = parts[2].substring(0, parts[2].length() - ".jpg".length());
		if (!EventFiles.ID.matcher(id).matches() || !pictureName.equals(this.files.pictureName(id))) {
			return Optional.empty();
		}
		return Optional.of(id);
	}

}
