package com.leadhandoff.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.leadhandoff.settings.Settings;
import java.util.Map;

/** Returns a plain string, which API Gateway turns into a 200 JSON response. */
public class PlainHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return "plain from " + Settings.current().get("AWS_LAMBDA_FUNCTION_NAME").orElse("?");
  }
}
