package dev.iamkata.engine.state;

/** An IAM group; its members are recorded on each {@link User}. */
public final class Group extends Entity {}
