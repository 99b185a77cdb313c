package io.camdash.camera;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a camera's publishers post their state, for the camera's status; the camera
 * package only shows it (publishing lives in its own package).
 */
public final class PublishBoard {

	private final Map<String, PublishStatus> targets = new LinkedHashMap<>();

	public synchronized void post(PublishStatus status) {
		this.targets.put(status.target(), status);
	}

	public synchronized void remove(String target) {
		this.targets.remove(target);
	}

	synchronized List<PublishStatus> all() {
		return List.copyOf(new ArrayList<>(this.targets.values()));
	}

}
