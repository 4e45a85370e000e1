package com.leadhandoff.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyFormatTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON;charset=\"UTF-8\""
      })
  void json_withOrWithoutCharset_isRead(String contentType) {
    BodyFormat format = BodyFormat.of(contentType).orElseThrow();

    assertEquals(BodyFormat.Kind.JSON, format.kind());
    assertEquals(StandardCharsets.UTF_8, format.charset());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=UTF-8"
      })
  void formEncoding_isRead(String contentType) {
    assertEquals(BodyFormat.Kind.FORM, BodyFormat.of(contentType).orElseThrow().kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ISO-8859-1", "latin1", "UTF-16", "utf-16le", "\"windows-1252\""})
  void charsetOtherThanUtf8_isHonoured(String charset) {
    BodyFormat format = BodyFormat.of("application/json; charset=" + charset).orElseThrow();

    assertEquals(java.nio.charset.Charset.forName(charset.replace("\"", "")), format.charset());
  }

  @Test
  void unknownCharset_isRefused_namingTheCharset() {
    assertTrue(
        BodyFormat.refusal(java.util.Optional.of("application/json; charset=klingon-8"))
            .startsWith("Charset 'klingon-8' is not supported"));
    assertTrue(
        BodyFormat.refusal(java.util.Optional.of("text/plain; charset=klingon-8"))
            .startsWith("Content type 'text/plain; charset=klingon-8' is not supported"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "multipart/form-data; boundary=----x",
        "application/xml",
        "application/json-patch+json",
        "",
        "application/json; charset=no-such-charset",
        "application/json; charset=\"bad name!\""
      })
  void otherContentTypes_areNotRead(String contentType) {
    assertTrue(BodyFormat.of(contentType).isEmpty());
  }
}
