package io.camdash.security;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page {@code currentUser}: the layout's user menu shows it, and pages hide
 * what the user may not do ({@code th:if="${currentUser.admin}"} around a take-photo or
 * delete button).
 */
@ControllerAdvice
public class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	CurrentUser currentUser(Principal principal) {
		if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
			return CurrentUser.ANONYMOUS;
		}
		boolean admin = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(Role.ADMIN.authority()::equals);
		return new CurrentUser(authentication.getName(), true, admin);
	}

	/**
	 * Who is using the page.
	 *
	 * @param name the user's name; empty when not signed in
	 * @param signedIn whether the user signed in (false with anonymous viewing)
	 * @param admin whether the user may change things: take photos, delete, edit notes
	 * and settings
	 */
	public record CurrentUser(String name, boolean signedIn, boolean admin) {

		static final CurrentUser ANONYMOUS = new CurrentUser("", false, false);

		/** The role shown in the user menu. */
		public Role role() {
			return this.admin ? Role.ADMIN : Role.VIEWER;
		}

	}

}
