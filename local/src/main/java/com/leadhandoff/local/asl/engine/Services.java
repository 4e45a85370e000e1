package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.clock.RuntimeClock;
import java.util.Random;

/** What the interpreter needs from the engine. */
record Services(
    RuntimeClock clock,
    LambdaInvoker lambda,
    TaskTokens tokens,
    Random random,
    String region,
    Journal journal) {}
