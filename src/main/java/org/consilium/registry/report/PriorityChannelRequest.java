package org.consilium.registry.report;

import jakarta.validation.constraints.NotNull;

/**
 * The priority channel's flags as the case manager sets them. A flag that turns on records the caller and the
 * time; one that stays on keeps its first arrangement; one that turns off clears it.
 */
public record PriorityChannelRequest(@NotNull Boolean examination, @NotNull Boolean consultation,
                              @NotNull Boolean admission) {
}
