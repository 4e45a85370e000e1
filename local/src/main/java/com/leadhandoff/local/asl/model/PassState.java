package com.leadhandoff.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A Pass state: passes its input, or a fixed {@code Result}, to its output. */
public record PassState(
    String name,
    Io io,
    Optional<Template> parameters,
    Optional<JsonNode> result,
    ResultHandling results,
    Transition transition)
    implements State {}
