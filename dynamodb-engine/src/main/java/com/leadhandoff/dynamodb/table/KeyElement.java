package com.leadhandoff.dynamodb.table;

/** A key attribute: its name and declared scalar type ({@code S}, {@code N} or {@code B}). */
public record KeyElement(String name, String type) {}
