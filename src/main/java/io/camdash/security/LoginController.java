package io.camdash.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST, and POST /logout. */
@Controller
class LoginController {

	static final String LOGIN_URL = "/login";

	static final String LOGIN_VIEW = "security/login";

	@GetMapping(LOGIN_URL)
	String login(Authentication authentication, HttpSession session, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (failure instanceof AuthenticationException) {
			// Same words for an unknown user and a wrong password: the page must not tell
			// which names exist.
			model.addAttribute("loginError", (failure instanceof ThrottledAuthenticationProvider.SignInLockedException)
					? "Too many failed sign-ins. Wait a few minutes, then try again." : "Wrong user name or password.");
			session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		}
		return LOGIN_VIEW;
	}

}
