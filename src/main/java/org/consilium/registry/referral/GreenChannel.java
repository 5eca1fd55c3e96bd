package org.consilium.registry.referral;

/** The green-channel flags an up-referral carries: priority examination, consultation and admission. */
public record GreenChannel(boolean examination, boolean consultation, boolean admission) {

    public static final GreenChannel NONE = new GreenChannel(false, false, false);
}
