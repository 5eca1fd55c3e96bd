package org.consilium.platform;

import java.util.List;

/** One page of a longer list: the items, the total count and where this page starts. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
}
