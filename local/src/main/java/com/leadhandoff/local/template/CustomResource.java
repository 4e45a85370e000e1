package com.leadhandoff.local.template;

import java.util.Map;

/**
 * A custom resource ({@code Custom::*} or {@code AWS::CloudFormation::CustomResource}).
 *
 * @param logicalId the resource's logical id
 * @param type the resource type as written
 * @param serviceToken the ARN of the function that provisions it
 * @param properties its resolved properties, {@code ServiceToken} included, as CloudFormation sends
 *     them in {@code ResourceProperties}
 */
public record CustomResource(
    String logicalId, String type, String serviceToken, Map<String, Object> properties) {}
