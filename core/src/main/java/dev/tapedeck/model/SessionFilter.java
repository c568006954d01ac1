package dev.tapedeck.model;

/** The neutral filters of a {@link SessionQuery}; a provider declares how it supports each in its capabilities. */
public enum SessionFilter {
    /** {@link SessionQuery#status()}. */
    STATUS,
    /** {@link SessionQuery#tags()}: every tag must match. */
    TAGS,
    /** {@link SessionQuery#domains()}: every domain must match. */
    DOMAINS,
    /** {@link SessionQuery#search()}: free text. */
    SEARCH,
    /** {@link SessionQuery#createdFrom()} and {@link SessionQuery#createdTo()}. */
    CREATED_RANGE,
    /** {@link SessionQuery#sort()}. */
    SORT
}
