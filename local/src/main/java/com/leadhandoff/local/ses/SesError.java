package com.leadhandoff.local.ses;

/**
 * A request SES would refuse, answered the way SES v2 answers (REST-JSON): the HTTP status, the
 * error code in {@code x-amzn-ErrorType} and a {@code message}.
 */
final class SesError extends RuntimeException {
  private final int status;
  private final String code;

  private SesError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static SesError badRequest(String message) {
    return new SesError(400, "BadRequestException", message);
  }

  static SesError notFound(String message) {
    return new SesError(404, "NotFoundException", message);
  }

  static SesError messageRejected(String message) {
    return new SesError(400, "MessageRejected", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
