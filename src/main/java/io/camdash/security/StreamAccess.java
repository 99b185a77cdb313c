package io.camdash.security;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may watch a camera's live WebSocket: the same people as its MJPEG stream (a VIEWER
 * or ADMIN, a request carrying that camera's token, anyone with anonymous viewing). The
 * filter chain lets the upgrade through so that a refused browser gets a close reason it
 * can show; the WebSocket handler asks here before sending anything.
 */
@Component
public class StreamAccess {

	private final boolean anonymousViewing;

	private final RoleHierarchy roles;

	StreamAccess(SecuritySettings settings, RoleHierarchy roles) {
		this.anonymousViewing = settings.anonymousViewing();
		this.roles = roles;
	}

	/**
	 * Whether the request with this authentication may watch the camera in its URL (a
	 * camera token is only ever accepted for the camera in the URL).
	 */
	public boolean mayWatch(@Nullable Authentication authentication) {
		if (this.anonymousViewing) {
			return true;
		}
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return false;
		}
		Collection<? extends GrantedAuthority> reachable = this.roles
			.getReachableGrantedAuthorities(authentication.getAuthorities());
		return reachable.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((name) -> Role.VIEWER.authority().equals(name) || CameraTokenFilter.CAMERA_TOKEN.equals(name));
	}

}
