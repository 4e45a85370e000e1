package com.leadhandoff.local.asl.model;

import java.util.Optional;

/** A Fail state: ends its program with an error and cause, literal or from ErrorPath/CausePath. */
public record FailState(String name, Optional<Expression> error, Optional<Expression> cause)
    implements State {}
