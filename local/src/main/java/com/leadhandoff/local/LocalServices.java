package com.leadhandoff.local;

import com.leadhandoff.local.api.ApiServer;
import com.leadhandoff.local.lambda.Functions;
import com.leadhandoff.local.template.Template;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the core runtime offers its {@link LocalExtension}s.
 *
 * @param template the template as read, parameters applied
 * @param functions the template's functions, invocable in-process
 * @param server the HTTP server, to mount handlers on
 * @param clock the runtime's clock
 * @param baseUrl the server's base URL, e.g. {@code http://localhost:3000}
 * @param dynamoEndpoint where the functions reach DynamoDB (the runtime's engine or
 *     --dynamodb-endpoint)
 * @param dataDir where state is kept between runs, or empty when everything is in memory
 */
public record LocalServices(
    Template template,
    Functions functions,
    ApiServer server,
    Clock clock,
    URI baseUrl,
    URI dynamoEndpoint,
    Optional<Path> dataDir) {}
