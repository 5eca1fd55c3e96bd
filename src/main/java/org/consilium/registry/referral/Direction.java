package org.consilium.registry.referral;

/** Up to the provincial hospital (上转) or down to a county hospital or a doctor there (下转). */
public enum Direction {
    UP, DOWN
}
