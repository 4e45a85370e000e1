package com.leadhandoff.local.asl.teststate;

import java.util.Optional;

/**
 * The data flow of one tested state, as the API's InspectionData names its members; each is a JSON
 * text, empty where the step does not apply or cannot be told from what the state did.
 */
public record InspectionData(
    Optional<String> input,
    Optional<String> afterInputPath,
    Optional<String> afterParameters,
    Optional<String> result,
    Optional<String> afterResultSelector,
    Optional<String> afterResultPath) {}
