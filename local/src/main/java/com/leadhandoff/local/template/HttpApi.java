package com.leadhandoff.local.template;

import java.util.Optional;

/**
 * An {@code AWS::Serverless::HttpApi} (or the implicit one SAM creates for events without an {@code
 * ApiId}).
 *
 * @param logicalId the resource's logical id, which is also its local API id
 * @param cors its CORS configuration, if any
 */
public record HttpApi(String logicalId, Optional<CorsConfiguration> cors) {}
