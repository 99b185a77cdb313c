package io.camdash.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports bad settings in the "APPLICATION FAILED TO START" report as a sentence and an
 * action, without a stack trace (registered in {@code META-INF/spring.factories}).
 */
class BadSettingsFailureAnalyzer extends AbstractFailureAnalyzer<BadSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BadSettingsException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
