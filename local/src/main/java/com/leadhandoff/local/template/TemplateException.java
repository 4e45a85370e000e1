package com.leadhandoff.local.template;

/** The template cannot be run locally; the message names the resource and property and why. */
public final class TemplateException extends RuntimeException {
  /** An error whose message says what to fix. */
  public TemplateException(String message) {
    super(message);
  }

  /** An error caused by a lower-level failure. */
  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
