package org.consilium.registry.followup;

/** A doctor a follow-up schedule can be handed to: who they are, no patient data. */
public record Doctor(String id, String displayName, String discipline) {
}
