package com.leadhandoff.local.asl.model;

/** A Succeed state: ends its program successfully with its (filtered) input as output. */
public record SucceedState(String name, Io io) implements State {}
