package io.camdash.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's recipes, for tests that run them as written: each is the code block after
 * a {@code <!-- recipe: NAME -->} line.
 */
public final class ReadmeRecipes {

	private ReadmeRecipes() {
	}

	/** The code block after {@code <!-- recipe: NAME -->} in the README. */
	public static String recipe(String name) throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		Matcher block = Pattern
			.compile("<!-- recipe: " + Pattern.quote(name) + " -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL)
			.matcher(readme);
		assertThat(block.find()).as("recipe " + name + " in README.md").isTrue();
		return block.group(1);
	}

}
